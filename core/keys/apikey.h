// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace Airgate::Keys {

/// Bytes of SHAKE256 output Traefik Hub stores for an API key (hex: 128 characters).
inline constexpr int kDigestBytes = 64;
/// Random bytes in a generated key (256 bits), written as unpadded base64url.
inline constexpr int kGeneratedKeyBytes = 32;

/** Lowercase hex of SHAKE256(@p key) with a 64-byte output — what Hub compares keys against. */
QByteArray digestHex(QByteArrayView key);

/**
 * The value of a ManagedApplication key Secret's `data.key`: base64(hex(SHAKE256(key))),
 * i.e. `echo -n KEY | openssl dgst -SHAKE256 -xoflen 64 | … | base64 -w0`.
 */
QByteArray secretDataValue(QByteArrayView key);

/** Whether @p value (decoded Secret data or an inline apiKeys value) has the digest form. */
bool isDigestHex(QByteArrayView value);

/** A new strong key from the OS CSPRNG (OpenSSL RAND_bytes); empty on failure. */
QByteArray generateKey();

/** Constant-time check that @p presentedKey hashes to @p expectedDigestHex. */
bool verify(QByteArrayView presentedKey, QByteArrayView expectedDigestHex);

/** Constant-time equality of two byte strings of equal length (false when lengths differ). */
bool constantTimeEquals(QByteArrayView a, QByteArrayView b);

} // namespace Airgate::Keys
