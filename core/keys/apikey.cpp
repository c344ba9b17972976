// SPDX-License-Identifier: Apache-2.0
#include "apikey.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

namespace Airgate::Keys {

QByteArray digestHex(QByteArrayView key)
{
    unsigned char out[kDigestBytes];
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    bool ok = ctx && EVP_DigestInit_ex(ctx, EVP_shake256(), nullptr) == 1
        && EVP_DigestUpdate(ctx, key.data(), static_cast<size_t>(key.size())) == 1
        && EVP_DigestFinalXOF(ctx, out, sizeof out) == 1;
    EVP_MD_CTX_free(ctx);
    if (!ok)
        return {};
    return QByteArray(reinterpret_cast<const char *>(out), kDigestBytes).toHex();
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
