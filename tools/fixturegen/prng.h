#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <iterator>

namespace magellan::fixture {

// xoshiro256** seeded through splitmix64: tiny, fast, same seed => same sequence. unit() and
// logUniform() go through floating point (logUniform through std::log/std::exp), so identical
// output is promised for one build of the generator, not across every libm.
class Prng {
public:
    explicit Prng(std::uint64_t seed) {
        for (auto &word : m_state) {
            word = splitMix(seed);
        }
    }

    std::uint64_t next() {
        const std::uint64_t result = rotateLeft(m_state[1] * 5, 7) * 9;
        const std::uint64_t shifted = m_state[1] << 17;
        m_state[2] ^= m_state[0];
        m_state[3] ^= m_state[1];
        m_state[1] ^= m_state[2];
        m_state[0] ^= m_state[3];
        m_state[2] ^= shifted;
        m_state[3] = rotateLeft(m_state[3], 45);
        return result;
    }

    // Uniform in [0, bound); bound must be > 0.
    std::uint64_t below(std::uint64_t bound) { return next() % bound; }

    // Uniform in [low, high], both inclusive.
    long long between(long long low, long long high) {
        return low + static_cast<long long>(below(static_cast<std::uint64_t>(high - low) + 1));
    }

    // Uniform in [0, 1).
    double unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

    bool chance(double probability) { return unit() < probability; }

    // Integer in [low, high] whose logarithm is uniform: many small values, a few large ones.
    long long logUniform(long long low, long long high) {
        const double lowLog = std::log(static_cast<double>(low));
        const double highLog = std::log(static_cast<double>(high) + 1.0);
        const double value = std::exp(lowLog + unit() * (highLog - lowLog));
        return std::clamp(static_cast<long long>(value), low, high);
    }

    template <typename Container> const auto &pick(const Container &items) {
        return items[below(std::size(items))];
    }

    // An independent generator, so that one part of the output does not shift another.
    Prng fork(std::uint64_t stream) { return Prng(next() ^ (stream * 0x9E3779B97F4A7C15ULL)); }

private:
    static std::uint64_t rotateLeft(std::uint64_t value, int bits) {
        return (value << bits) | (value >> (64 - bits));
    }

    static std::uint64_t splitMix(std::uint64_t &state) {
        std::uint64_t mixed = (state += 0x9E3779B97F4A7C15ULL);
        mixed = (mixed ^ (mixed >> 30)) * 0xBF58476D1CE4E5B9ULL;
        mixed = (mixed ^ (mixed >> 27)) * 0x94D049BB133111EBULL;
        return mixed ^ (mixed >> 31);
    }

    std::uint64_t m_state[4];
};

} // namespace magellan::fixture
