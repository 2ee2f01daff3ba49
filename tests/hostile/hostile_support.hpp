#pragma once
// Helpers for the hostile-input tests: bad files made at test time, and a local TCP port
// that records whether anything connected to it (remote references must never be fetched).
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <filesystem>
#include <stdexcept>
#include <string>

#include "process.hpp"

namespace newskg::test {

/// A listening socket on 127.0.0.1 and a free port; connected() says whether any client
/// connected since it was opened (the kernel queues the connection even though nobody
/// accepts it).
class LocalListener {
  public:
    LocalListener() {
        fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
        if (fd_ < 0) throw std::runtime_error("socket failed");
        sockaddr_in a{};
        a.sin_family = AF_INET;
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        a.sin_port = 0;
        if (::bind(fd_, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0 || ::listen(fd_, 16) != 0)
            throw std::runtime_error("bind/listen failed");
        socklen_t len = sizeof a;
        ::getsockname(fd_, reinterpret_cast<sockaddr*>(&a), &len);
        port_ = ntohs(a.sin_port);
        ::fcntl(fd_, F_SETFL, O_NONBLOCK);
    }
    ~LocalListener() { ::close(fd_); }
    LocalListener(const LocalListener&) = delete;
    LocalListener& operator=(const LocalListener&) = delete;
    int port() const { return port_; }
    std::string url(const std::string& path) const {
        return "http://127.0.0.1:" + std::to_string(port_) + path;
    }
    bool connected() const {
        const int c = ::accept(fd_, nullptr, nullptr);
        if (c < 0) return false;
        ::close(c);
        return true;
    }

  private:
    int fd_ = -1;
    int port_ = 0;
};

inline std::string q(const std::string& s) { return sh_quote(s); }

inline bool contains(const std::string& hay, const std::string& needle) {
    return hay.find(needle) != std::string::npos;
}

/// A short article whose one relation the token rules find, for batches.
inline const char* kGoodArticle =
    "Border talks\n\nChad accused Sudan of shelling border towns on Monday, officials said.\n";

} // namespace newskg::test
