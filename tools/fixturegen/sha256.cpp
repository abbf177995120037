#include "sha256.h"

#include <algorithm>
#include <array>
#include <cstdint>

namespace magellan::fixture {
namespace {

constexpr std::array<std::uint32_t, 64> kRoundConstants = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};

constexpr std::uint32_t rotateRight(std::uint32_t value, int bits) {
    return (value >> bits) | (value << (32 - bits));
}

class Sha256 {
public:
    void update(std::string_view bytes) {
        for (const char byte : bytes) {
            m_block[m_blockSize++] = static_cast<std::uint8_t>(byte);
            if (m_blockSize == m_block.size()) {
                compressBlock();
                m_blockSize = 0;
            }
        }
        m_totalBytes += bytes.size();
    }

    std::string hexDigest() {
        const std::uint64_t totalBits = m_totalBytes * 8;
        appendPadding(totalBits);
        std::string hex;
        hex.reserve(64);
        constexpr char kDigits[] = "0123456789abcdef";
        for (const std::uint32_t word : m_hash) {
            for (int shift = 28; shift >= 0; shift -= 4) {
                hex.push_back(kDigits[(word >> shift) & 0xf]);
            }
        }
        return hex;
    }

private:
    void appendPadding(std::uint64_t totalBits) {
        m_block[m_blockSize++] = 0x80;
        if (m_blockSize > 56) {
            std::fill(m_block.begin() + static_cast<long>(m_blockSize), m_block.end(), 0);
            compressBlock();
            m_blockSize = 0;
        }
        std::fill(m_block.begin() + static_cast<long>(m_blockSize), m_block.begin() + 56, 0);
        for (int index = 0; index < 8; ++index) {
            m_block[63 - index] = static_cast<std::uint8_t>(totalBits >> (8 * index));
        }
        compressBlock();
    }

    void compressBlock() {
        std::array<std::uint32_t, 64> schedule{};
        for (std::size_t index = 0; index < 16; ++index) {
            schedule[index] = (std::uint32_t{m_block[4 * index]} << 24) |
                              (std::uint32_t{m_block[4 * index + 1]} << 16) |
                              (std::uint32_t{m_block[4 * index + 2]} << 8) |
                              std::uint32_t{m_block[4 * index + 3]};
        }
        for (std::size_t index = 16; index < 64; ++index) {
            const std::uint32_t low = schedule[index - 15];
            const std::uint32_t high = schedule[index - 2];
            const std::uint32_t sigma0 = rotateRight(low, 7) ^ rotateRight(low, 18) ^ (low >> 3);
            const std::uint32_t sigma1 =
                rotateRight(high, 17) ^ rotateRight(high, 19) ^ (high >> 10);
            schedule[index] = schedule[index - 16] + sigma0 + schedule[index - 7] + sigma1;
        }
        auto state = m_hash;
        for (std::size_t index = 0; index < 64; ++index) {
            const auto [a, b, c, d, e, f, g, h] = state;
            const std::uint32_t sum1 = rotateRight(e, 6) ^ rotateRight(e, 11) ^ rotateRight(e, 25);
            const std::uint32_t choose = (e & f) ^ (~e & g);
            const std::uint32_t temp1 =
                h + sum1 + choose + kRoundConstants[index] + schedule[index];
            const std::uint32_t sum0 = rotateRight(a, 2) ^ rotateRight(a, 13) ^ rotateRight(a, 22);
            const std::uint32_t majority = (a & b) ^ (a & c) ^ (b & c);
            state = {temp1 + sum0 + majority, a, b, c, d + temp1, e, f, g};
        }
        for (std::size_t index = 0; index < 8; ++index) {
            m_hash[index] += state[index];
        }
    }

    std::array<std::uint32_t, 8> m_hash = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                                           0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
    std::array<std::uint8_t, 64> m_block{};
    std::size_t m_blockSize = 0;
    std::uint64_t m_totalBytes = 0;
};

} // namespace

std::string sha256Hex(std::string_view bytes) {
    Sha256 hasher;
    hasher.update(bytes);
    return hasher.hexDigest();
}

} // namespace magellan::fixture
