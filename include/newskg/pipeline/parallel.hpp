#pragma once
/// Extraction on several threads with results delivered in input order, so a parallel
/// run writes exactly what a sequential one writes (merged graphs included).
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <functional>
#include <map>
#include <mutex>
#include <thread>
#include <vector>

#include "newskg/pipeline/pipeline.hpp"

namespace newskg {

class ParallelExtractor {
  public:
    /// `jobs` worker threads (0: one per core); `sink` receives each extraction, in the
    /// order the documents were submitted, on one thread at a time.
    ParallelExtractor(const Resources& resources, PipelineOptions options, std::size_t jobs,
                      std::function<void(Extraction&&)> sink);
    ~ParallelExtractor();
    ParallelExtractor(const ParallelExtractor&) = delete;
    ParallelExtractor& operator=(const ParallelExtractor&) = delete;

    /// Queues a document. Blocks while more than a few documents per worker are in flight,
    /// so memory stays bounded by the largest articles, not by the batch.
    void submit(Document document);
    /// Waits until every submitted document has reached the sink; rethrows the first
    /// exception a worker or the sink raised.
    void finish();

  private:
    void work();
    void deliver_ready(std::unique_lock<std::mutex>& lock);

    const Resources& resources_;
    PipelineOptions options_;
    std::function<void(Extraction&&)> sink_;
    std::size_t window_;
    std::mutex mutex_;
    std::condition_variable changed_;
    std::deque<std::pair<std::size_t, Document>> queue_;
    std::map<std::size_t, Extraction> done_;
    std::size_t next_submit_ = 0, next_deliver_ = 0;
    bool delivering_ = false, stopping_ = false;
    std::exception_ptr failure_;
    std::vector<std::thread> workers_;
};

} // namespace newskg
