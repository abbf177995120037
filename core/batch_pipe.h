#pragma once

#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace magellan {

// Hands batches of work from one producing thread to consuming threads, with at most `capacity`
// batches alive at once (filled, queued or being worked on), so memory stays bounded. Batches are
// recycled, not freed. Either side may close the pipe to stop the other. Thread-safe: each method
// says which side calls it.
template <typename Batch> class BatchPipe {
public:
    explicit BatchPipe(size_t capacity) : m_capacity(capacity < 1 ? 1 : capacity) {}

    // Producer: an empty batch to fill; waits while `capacity` batches are alive. Null once closed.
    std::unique_ptr<Batch> emptyBatch() {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [&] { return m_closed || !m_free.empty() || m_alive < m_capacity; });
        if (m_closed)
            return nullptr;
        if (!m_free.empty()) {
            std::unique_ptr<Batch> batch = std::move(m_free.back());
            m_free.pop_back();
            return batch;
        }
        ++m_alive;
        return std::make_unique<Batch>();
    }

    // Producer: queues a filled batch. False when the pipe was closed (the batch is dropped).
    bool push(std::unique_ptr<Batch> batch) {
        {
            std::lock_guard lock(m_mutex);
            if (m_closed)
                return false;
            m_queued.push_back(std::move(batch));
        }
        m_changed.notify_all();
        return true;
    }

    // Producer: no more batches will come; consumers drain the queue, then get null.
    void finish() {
        {
            std::lock_guard lock(m_mutex);
            m_finished = true;
        }
        m_changed.notify_all();
    }

    // Consumer: the next queued batch; waits for one. Null once finished and drained, or closed.
    std::unique_ptr<Batch> pop() {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [&] { return m_closed || m_finished || !m_queued.empty(); });
        return takeLocked();
    }

    // Consumer: gives a worked batch back for reuse.
    void recycle(std::unique_ptr<Batch> batch) {
        {
            std::lock_guard lock(m_mutex);
            m_free.push_back(std::move(batch));
        }
        m_changed.notify_all();
    }

    // Either side: stops the pipe; queued batches are dropped, waits end.
    void close() {
        {
            std::lock_guard lock(m_mutex);
            m_closed = true;
            m_queued.clear();
        }
        m_changed.notify_all();
    }

    bool isClosed() const {
        std::lock_guard lock(m_mutex);
        return m_closed;
    }

private:
    std::unique_ptr<Batch> takeLocked() {
        if (m_closed || m_queued.empty())
            return nullptr;
        std::unique_ptr<Batch> batch = std::move(m_queued.front());
        m_queued.pop_front();
        return batch;
    }

    const size_t m_capacity;
    mutable std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<std::unique_ptr<Batch>> m_queued;
    std::vector<std::unique_ptr<Batch>> m_free;
    size_t m_alive = 0;
    bool m_finished = false;
    bool m_closed = false;
};

// A thread that consumes a pipe. Leaving its scope by any path (an error, an exception) closes
// the pipe and joins the thread, so it never outlives the data it works on. Created, stopped and
// destroyed on the producing thread.
template <typename Batch> class PipeConsumerThread {
public:
    template <typename Body>
    PipeConsumerThread(BatchPipe<Batch> &pipe, Body body) : m_pipe(pipe), m_thread(body) {}
    PipeConsumerThread(const PipeConsumerThread &) = delete;
    PipeConsumerThread &operator=(const PipeConsumerThread &) = delete;
    ~PipeConsumerThread() { stop(false); }

    // Waits for the thread: after the queued batches when `drain`, else dropping them.
    void stop(bool drain) {
        if (drain)
            m_pipe.finish();
        else
            m_pipe.close();
        if (m_thread.joinable())
            m_thread.join();
    }

private:
    BatchPipe<Batch> &m_pipe;
    std::thread m_thread;
};

} // namespace magellan
