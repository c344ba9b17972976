// SPDX-License-Identifier: Apache-2.0
#include "apikey.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include <memory>

namespace Airgate::Keys {

namespace {

/// SHAKE256 fetched once: EVP_shake256() makes every EVP_DigestInit_ex look the algorithm up
/// in the provider store again, which cost more than hashing a key.
const EVP_MD *shake256()
{
    static EVP_MD *const md = EVP_MD_fetch(nullptr, "SHAKE256", nullptr);
    return md;
}

} // namespace

QByteArray digestHex(QByteArrayView key)
{
    // One context per thread, reset by each init: the gateway hashes the key of every request.
    thread_local const std::unique_ptr<EVP_MD_CTX, void (*)(EVP_MD_CTX *)> ctx(EVP_MD_CTX_new(),
                                                                               &EVP_MD_CTX_free);
    const EVP_MD *md = shake256();
    unsigned char out[kDigestBytes];
    const bool ok = md && ctx && EVP_DigestInit_ex2(ctx.get(), md, nullptr) == 1
        && EVP_DigestUpdate(ctx.get(), key.data(), static_cast<size_t>(key.size())) == 1
        && EVP_DigestFinalXOF(ctx.get(), out, sizeof out) == 1;
    if (!ok)
        return {};
    static constexpr char kHex[] = "0123456789abcdef";
    QByteArray hex(kDigestBytes * 2, Qt::Uninitialized);
    char *h = hex.data();
    for (unsigned char b : out) {
        *h++ = kHex[b >> 4];
        *h++ = kHex[b & 0xf];
    }
    return hex;
}

QByteArray secretDataValue(QByteArrayView key)
{
    return digestHex(key).toBase64();
}

bool isDigestHex(QByteArrayView value)
{
    if (value.size() != kDigestBytes * 2)
        return false;
    for (char c : value)
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
            return false;
    return true;
}

QByteArray generateKey()
{
    unsigned char raw[kGeneratedKeyBytes];
    if (RAND_bytes(raw, sizeof raw) != 1)
        return {};
    QByteArray key = QByteArray(reinterpret_cast<const char *>(raw), sizeof raw)
                         .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    OPENSSL_cleanse(raw, sizeof raw);
    return key;
}

bool constantTimeEquals(QByteArrayView a, QByteArrayView b)
{
    if (a.size() != b.size())
        return false;
    return CRYPTO_memcmp(a.data(), b.data(), static_cast<size_t>(a.size())) == 0;
}

bool verify(QByteArrayView presentedKey, QByteArrayView expectedDigestHex)
{
    return constantTimeEquals(digestHex(presentedKey), expectedDigestHex);
}

} // namespace Airgate::Keys
