// SPDX-License-Identifier: MIT
// The generator's own PRNG (xoshiro256** seeded by splitmix64): same seed, same numbers everywhere.
#pragma once

#include <cstdint>

namespace pianola::engine::generate {

/// splitmix64 step: also a good hash for mixing seeds with indices.
constexpr std::uint64_t splitMix64(std::uint64_t& state)
{
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

/// Mixes a seed with a salt (a candidate index, a part number) into an independent seed.
constexpr std::uint64_t mixSeed(std::uint64_t seed, std::uint64_t salt)
{
    std::uint64_t s = seed ^ (salt * 0xD1B54A32D192ED03ull);
    return splitMix64(s);
}

/// xoshiro256**; the distributions are ours (integer arithmetic and 53-bit doubles), never the
/// standard library's, whose output differs between implementations.
class Rng
{
public:
    explicit Rng(std::uint64_t seed)
    {
        for (std::uint64_t& w : m_s)
            w = splitMix64(seed);
    }

    std::uint64_t next()
    {
        const std::uint64_t result = rotl(m_s[1] * 5, 7) * 9;
        const std::uint64_t t = m_s[1] << 17;
        m_s[2] ^= m_s[0];
        m_s[3] ^= m_s[1];
        m_s[1] ^= m_s[2];
        m_s[0] ^= m_s[3];
        m_s[2] ^= t;
        m_s[3] = rotl(m_s[3], 45);
        return result;
    }
    /// Uniform in [0, 1).
    double real() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
    /// Uniform in [lo, hi] (inclusive); lo <= hi.
    int range(int lo, int hi)
    {
        const auto span = static_cast<std::uint64_t>(hi - lo) + 1;
        return lo + static_cast<int>(next() % span);
    }
    bool chance(double p) { return real() < p; }
    /// Roughly normal (sum of four uniforms), mean 0, standard deviation 1.
    double gauss() { return (real() + real() + real() + real() - 2.0) * 1.7320508075688772; }

private:
    static constexpr std::uint64_t rotl(std::uint64_t x, int k)
    {
        return (x << k) | (x >> (64 - k));
    }
    std::uint64_t m_s[4]{};
};

} // namespace pianola::engine::generate
