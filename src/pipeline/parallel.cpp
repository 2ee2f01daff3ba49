#include "newskg/pipeline/parallel.hpp"

namespace newskg {

ParallelExtractor::ParallelExtractor(const Resources& resources, PipelineOptions options,
                                     std::size_t jobs, std::function<void(Extraction&&)> sink)
    : resources_(resources), options_(std::move(options)), sink_(std::move(sink)) {
    if (jobs == 0) jobs = std::max(1u, std::thread::hardware_concurrency());
    window_ = 4 * jobs;
    for (std::size_t i = 0; i < jobs; ++i) workers_.emplace_back([this] { work(); });
}

ParallelExtractor::~ParallelExtractor() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        stopping_ = true;
    }
    changed_.notify_all();
    for (auto& t : workers_)
        if (t.joinable()) t.join();
}

void ParallelExtractor::submit(Document document) {
    std::unique_lock<std::mutex> lock(mutex_);
    changed_.wait(lock, [&] { return next_submit_ - next_deliver_ < window_ || failure_; });
    if (failure_) std::rethrow_exception(failure_);
    queue_.emplace_back(next_submit_++, std::move(document));
    changed_.notify_all();
}

void ParallelExtractor::work() {
    for (;;) {
        std::pair<std::size_t, Document> job;
        {
            std::unique_lock<std::mutex> lock(mutex_);
            changed_.wait(lock, [&] { return !queue_.empty() || stopping_; });
            if (queue_.empty()) return;
            job = std::move(queue_.front());
            queue_.pop_front();
        }
        Extraction x;
        std::exception_ptr err;
        try {
            x = extract(std::move(job.second), resources_, options_);
        } catch (...) {
            err = std::current_exception();
        }
        std::unique_lock<std::mutex> lock(mutex_);
        if (err) {
            if (!failure_) failure_ = err;
            // Deliver an empty extraction in its place so later ones are not held back.
            x = Extraction{};
        }
        done_.emplace(job.first, std::move(x));
        deliver_ready(lock);
        changed_.notify_all();
    }
}

// One thread at a time hands the results that are next in order to the sink; the lock is
// released while the sink runs so the other workers keep extracting.
void ParallelExtractor::deliver_ready(std::unique_lock<std::mutex>& lock) {
    if (delivering_) return;
    delivering_ = true;
    for (auto it = done_.find(next_deliver_); it != done_.end(); it = done_.find(next_deliver_)) {
        Extraction x = std::move(it->second);
        done_.erase(it);
        const bool skip = x.document.id.empty() && x.document.text.empty() && failure_;
        lock.unlock();
        try {
            if (!skip) sink_(std::move(x));
        } catch (...) {
            lock.lock();
            if (!failure_) failure_ = std::current_exception();
            lock.unlock();
        }
        lock.lock();
        ++next_deliver_;
        changed_.notify_all();
    }
    delivering_ = false;
}

void ParallelExtractor::finish() {
    std::unique_lock<std::mutex> lock(mutex_);
    changed_.wait(lock, [&] { return next_deliver_ == next_submit_ && !delivering_; });
    if (failure_) std::rethrow_exception(failure_);
}

} // namespace newskg
