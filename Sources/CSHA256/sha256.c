// SHA-256 compression (FIPS 180-4 §6.2.2): the x86 SHA extensions when the CPU has them, chosen at
// run time, and a portable C fallback for every other CPU.
//
// Why C: the intake hashes every message twice (the raw bytes and the content hash), and the Swift
// compression loop was about a fifth of the preparation workers' CPU. The SHA extensions do the same
// work several times faster, and Swift cannot reach those instructions.
#include "csha256.h"

/// FIPS 180-4 §4.2.2: the first 32 bits of the fractional parts of the cube roots of the first 64 primes.
static const uint32_t round_constants[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

static inline uint32_t rotate_right(uint32_t value, unsigned count) {
    return (value >> count) | (value << (32 - count));
}

void csha256_compress_portable(uint32_t state[8], const uint8_t *bytes, size_t blocks) {
    uint32_t w[64];
    for (; blocks > 0; blocks--, bytes += 64) {
        for (int t = 0; t < 16; t++) {
            const uint8_t *q = bytes + 4 * t;
            w[t] = (uint32_t)q[0] << 24 | (uint32_t)q[1] << 16 | (uint32_t)q[2] << 8 | (uint32_t)q[3];
        }
        for (int t = 16; t < 64; t++) {
            uint32_t s0 = rotate_right(w[t - 15], 7) ^ rotate_right(w[t - 15], 18) ^ (w[t - 15] >> 3);
            uint32_t s1 = rotate_right(w[t - 2], 17) ^ rotate_right(w[t - 2], 19) ^ (w[t - 2] >> 10);
            w[t] = w[t - 16] + s0 + w[t - 7] + s1;
        }
        uint32_t a = state[0], b = state[1], c = state[2], d = state[3];
        uint32_t e = state[4], f = state[5], g = state[6], h = state[7];
        for (int t = 0; t < 64; t++) {
            uint32_t sum1 = rotate_right(e, 6) ^ rotate_right(e, 11) ^ rotate_right(e, 25);
            uint32_t choose = (e & f) ^ (~e & g);
            uint32_t temp1 = h + sum1 + choose + round_constants[t] + w[t];
            uint32_t sum0 = rotate_right(a, 2) ^ rotate_right(a, 13) ^ rotate_right(a, 22);
            uint32_t majority = (a & b) ^ (a & c) ^ (b & c);
            h = g; g = f; f = e; e = d + temp1;
            d = c; c = b; b = a; a = temp1 + sum0 + majority;
        }
        state[0] += a; state[1] += b; state[2] += c; state[3] += d;
        state[4] += e; state[5] += f; state[6] += g; state[7] += h;
    }
}

#if defined(__x86_64__) && (defined(__clang__) || defined(__GNUC__))
#include <cpuid.h>
#include <immintrin.h>

/// The compression function with the SHA extensions (the Intel SHA extensions guide's layout: the
/// state lives as ABEF and CDGH, `sha256rnds2` does two rounds, `sha256msg1/2` the message schedule).
__attribute__((target("sha,sse4.1,ssse3")))
static void compress_with_sha_extensions(uint32_t state[8], const uint8_t *bytes, size_t blocks) {
    const __m128i byte_swap = _mm_set_epi64x(0x0c0d0e0f08090a0bULL, 0x0405060700010203ULL);
    __m128i dcba = _mm_loadu_si128((const __m128i *)&state[0]);
    __m128i hgfe = _mm_loadu_si128((const __m128i *)&state[4]);
    __m128i cdab = _mm_shuffle_epi32(dcba, 0xB1);
    __m128i efgh = _mm_shuffle_epi32(hgfe, 0x1B);
    __m128i abef = _mm_alignr_epi8(cdab, efgh, 8);
    __m128i cdgh = _mm_blend_epi16(efgh, cdab, 0xF0);

    for (; blocks > 0; blocks--, bytes += 64) {
        const __m128i abef_before = abef, cdgh_before = cdgh;
        // Four words of the message schedule per slot; slot g % 4 holds words 4g…4g+3.
        __m128i words[4];
        for (int i = 0; i < 4; i++) {
            words[i] = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(bytes + 16 * i)), byte_swap);
        }
        for (int group = 0; group < 16; group++) {
            if (group >= 4) {
                // W[4g…4g+3] from the four groups before it (§6.2.2 step 1), in place of group g - 4.
                __m128i previous = words[(group - 1) & 3];
                __m128i sum = _mm_add_epi32(_mm_sha256msg1_epu32(words[group & 3], words[(group - 3) & 3]),
                                            _mm_alignr_epi8(previous, words[(group - 2) & 3], 4));
                words[group & 3] = _mm_sha256msg2_epu32(sum, previous);
            }
            __m128i plus_constants = _mm_add_epi32(
                words[group & 3], _mm_loadu_si128((const __m128i *)&round_constants[4 * group]));
            cdgh = _mm_sha256rnds2_epu32(cdgh, abef, plus_constants);
            abef = _mm_sha256rnds2_epu32(abef, cdgh, _mm_shuffle_epi32(plus_constants, 0x0E));
        }
        abef = _mm_add_epi32(abef, abef_before);
        cdgh = _mm_add_epi32(cdgh, cdgh_before);
    }

    __m128i feba = _mm_shuffle_epi32(abef, 0x1B);
    __m128i dchg = _mm_shuffle_epi32(cdgh, 0xB1);
    _mm_storeu_si128((__m128i *)&state[0], _mm_blend_epi16(feba, dchg, 0xF0));
    _mm_storeu_si128((__m128i *)&state[4], _mm_alignr_epi8(dchg, feba, 8));
}

/// CPUID: SHA (leaf 7, EBX bit 29) plus the SSSE3 (leaf 1, ECX bit 9) and SSE4.1 (ECX bit 19) the
/// code above also uses.
static int cpu_has_sha_extensions(void) {
    unsigned eax, ebx, ecx, edx;
    if (!__get_cpuid(1, &eax, &ebx, &ecx, &edx)) return 0;
    if (!(ecx & (1u << 9)) || !(ecx & (1u << 19))) return 0;
    if (!__get_cpuid_count(7, 0, &eax, &ebx, &ecx, &edx)) return 0;
    return (ebx & (1u << 29)) != 0;
}

/// -1 until the first call asks the CPU (CPUID is slow, in a virtual machine a trap to the host);
/// then 0 or 1. Threads racing on the first call all store the same answer.
static int sha_extensions = -1;

int csha256_uses_sha_extensions(void) {
    int known = __atomic_load_n(&sha_extensions, __ATOMIC_RELAXED);
    if (known < 0) {
        known = cpu_has_sha_extensions();
        __atomic_store_n(&sha_extensions, known, __ATOMIC_RELAXED);
    }
    return known;
}

void csha256_compress(uint32_t state[8], const uint8_t *bytes, size_t blocks) {
    if (csha256_uses_sha_extensions()) {
        compress_with_sha_extensions(state, bytes, blocks);
    } else {
        csha256_compress_portable(state, bytes, blocks);
    }
}
#else
int csha256_uses_sha_extensions(void) { return 0; }

void csha256_compress(uint32_t state[8], const uint8_t *bytes, size_t blocks) {
    csha256_compress_portable(state, bytes, blocks);
}
#endif
