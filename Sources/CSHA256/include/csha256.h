// The SHA-256 compression function (FIPS 180-4 §6.2.2) for Tickets' SHA256, in C so that it can use
// the x86 SHA extensions (SHA-NI) where the CPU has them. Padding and the digest stay in Swift.
#ifndef CSHA256_H
#define CSHA256_H

#include <stddef.h>
#include <stdint.h>

/// Runs the compression function over `blocks` consecutive 64-byte blocks at `bytes`, updating the
/// eight working words in `state`. Uses the SHA extensions when the CPU has them, else portable C.
void csha256_compress(uint32_t state[8], const uint8_t *bytes, size_t blocks);

/// The portable C compression function, for tests that compare it with the accelerated one.
void csha256_compress_portable(uint32_t state[8], const uint8_t *bytes, size_t blocks);

/// 1 when `csha256_compress` uses the SHA extensions on this CPU, else 0.
int csha256_uses_sha_extensions(void);

#endif
