/*
 * digest: SHA-256 (FIPS 180-4), to recognise a batch applied before.
 *
 * Written here rather than linked: the only library at hand that has it
 * is OpenSSL's libcrypto, which no command should pay to load for one
 * hash of its input.  The unit test checks the FIPS example vectors.
 */
#ifndef HOURBOOK_DIGEST_H
#define HOURBOOK_DIGEST_H

#include <stddef.h>
#include <stdint.h>

#define HB_DIGEST_HEX 65	/* 64 hex digits and a NUL */

struct hb_digest {
	uint32_t h[8];
	uint64_t length;	/* bytes so far */
	unsigned char block[64];
	size_t used;
};

void hb_digest_init(struct hb_digest *d);
void hb_digest_add(struct hb_digest *d, const void *data, size_t len);
/* Finish and write the digest as lowercase hex into hex. */
void hb_digest_hex(struct hb_digest *d, char hex[HB_DIGEST_HEX]);

#endif
