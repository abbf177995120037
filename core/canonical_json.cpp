#include "canonical_json.h"

#include "json_writer.h"

#include <nlohmann/json.hpp>

#include <memory>
#include <string>

namespace magellan {
namespace {

// Re-encodes the rows of a value as parsed, event by event: no document is built, so memory
// stays at the size of one row.
class CanonicalElementSax final : public nlohmann::json_sax<nlohmann::json> {
public:
    CanonicalElementSax(ElementLayout layout,
                        const std::function<void(std::string_view)> &onElement)
        : m_layout(layout), m_onElement(onElement) {}

    bool null() override {
        return scalar([](JsonWriter &w) { w.nullValue(); });
    }
    bool boolean(bool value) override {
        return scalar([&](JsonWriter &w) { w.boolValue(value); });
    }
    bool number_integer(number_integer_t value) override {
        return scalar([&](JsonWriter &w) { w.intValue(value); });
    }
    bool number_unsigned(number_unsigned_t value) override {
        return scalar([&](JsonWriter &w) { w.unsignedValue(value); });
    }
    bool number_float(number_float_t value, const string_t &) override {
        return scalar([&](JsonWriter &w) { w.doubleValue(value); });
    }
    bool string(string_t &value) override {
        return scalar([&](JsonWriter &w) { w.stringValue(value); });
    }
    bool binary(binary_t &) override { return false; }

    bool start_object(std::size_t) override {
        if (m_depth == 0 && m_layout == ElementLayout::ArrayElements)
            return false;
        startValue();
        if (m_writer)
            m_writer->beginObject();
        ++m_depth;
        m_isArray.push_back(false);
        return true;
    }
    bool end_object() override {
        --m_depth;
        m_isArray.pop_back();
        if (m_writer)
            m_writer->endObject();
        return endValue();
    }
    bool start_array(std::size_t) override {
        if (m_depth == 0 && m_layout == ElementLayout::RowField)
            return false;
        startValue();
        if (m_writer)
            m_writer->beginArray();
        ++m_depth;
        m_isArray.push_back(true);
        return true;
    }
    bool end_array() override {
        --m_depth;
        m_isArray.pop_back();
        if (m_writer)
            m_writer->endArray();
        return endValue();
    }
    bool key(string_t &name) override {
        if (m_writer)
            m_writer->key(name);
        else if (m_depth == 1)
            m_topKey = name;
        return true;
    }
    bool parse_error(std::size_t, const std::string &,
                     const nlohmann::detail::exception &) override {
        return false;
    }

    bool sawElement() const { return m_sawElement; }

private:
    bool atElementLevel() const {
        switch (m_layout) {
        case ElementLayout::WholeValue:
            return m_depth == 0;
        case ElementLayout::ArrayElements:
            return m_depth == 1 && m_isArray.back();
        case ElementLayout::RowField:
            return m_depth == 1 && m_topKey == "row";
        }
        return false;
    }
    // A value begins: when it is a row, start capturing it.
    void startValue() {
        if (!m_writer && atElementLevel()) {
            m_buffer.clear();
            m_writer = std::make_unique<JsonWriter>(m_buffer);
            m_elementDepth = m_depth;
        }
    }
    // A value ended: when it was the row being captured, hand it over.
    bool endValue() {
        if (m_writer && m_depth == m_elementDepth) {
            m_writer.reset();
            m_sawElement = true;
            m_onElement(m_buffer);
        }
        return true;
    }
    template <typename Write> bool scalar(Write write) {
        if (m_depth == 0 && m_layout != ElementLayout::WholeValue)
            return false;
        startValue();
        if (m_writer)
            write(*m_writer);
        return endValue();
    }

    ElementLayout m_layout;
    const std::function<void(std::string_view)> &m_onElement;
    int m_depth = 0;
    std::vector<bool> m_isArray;
    std::string m_topKey;
    std::unique_ptr<JsonWriter> m_writer; // set while a row is being captured
    int m_elementDepth = 0;
    std::string m_buffer;
    bool m_sawElement = false;
};

} // namespace

bool forEachCanonicalElement(std::string_view json, ElementLayout layout,
                             const std::function<void(std::string_view)> &onElement) {
    CanonicalElementSax sax(layout, onElement);
    const bool parsed = nlohmann::json::sax_parse(json.begin(), json.end(), &sax);
    return parsed && (layout != ElementLayout::RowField || sax.sawElement());
}

} // namespace magellan
