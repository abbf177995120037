#pragma once

#include "status.h"

#include <string_view>

namespace magellan {

// Where a table scan sends its entries: the store being written, or nothing at all when only
// the source's counts and checksum are wanted. put() is called from one thread at a time: the
// scan's encoder thread.
class KvSink {
public:
    virtual ~KvSink() = default;
    // Stores one entry; a key put again replaces its earlier value. An error stops the scan.
    virtual Status put(std::string_view key, std::string_view value) = 0;
    // False when the sink keeps nothing of a value: a scan then need not assemble values (a
    // 100 MB group is never held whole), and what it puts as a value is unspecified.
    virtual bool takesValues() const { return true; }
};

// Accepts and forgets every entry.
class DiscardingSink final : public KvSink {
public:
    Status put(std::string_view, std::string_view) override { return Status::ok(); }
    bool takesValues() const override { return false; }
};

} // namespace magellan
