// SPDX-License-Identifier: Apache-2.0
#include "keys/apikey.h"

#include <QSet>
#include <QTest>

using namespace Airgate::Keys;

class TestApiKey final : public QObject
{
    Q_OBJECT

private slots:
    void matchesTheOfflineModeDocumentation()
    {
        // shared/reference/seeds: echo -n "secret-api-key" | openssl dgst -SHAKE256 -xoflen 64 | …
        // | base64 -w0
        QCOMPARE(secretDataValue("secret-api-key"),
                 QByteArray("NzJiZjE2ZGRlY2I3YTNlYzA0YjVjZTAyOTZmODVhMGFiOWQwNDkxMDUyNDNiNGI3OTI0YT"
                            "M0MGYyNjUyM2U3ZDc0M2Uy"
                            "NDEyNmNlZDkzZTlkZGU2M2QxYjRmNzNjMjQyYzVmMGVkOTdjY2UzOTRhNWFlZTNlY2RiMz"
                            "g2NmQ4NGY="));
        QCOMPARE(digestHex("secret-api-key").size(), 128);
    }

    void digestShape()
    {
        QVERIFY(isDigestHex(digestHex("x")));
        QVERIFY(!isDigestHex("secret-api-key"));
        QVERIFY(!isDigestHex(digestHex("x").toUpper()));
        QVERIFY(!isDigestHex(digestHex("x").left(127)));
    }

    void verifyIsExact()
    {
        const QByteArray d = digestHex("k1");
        QVERIFY(verify("k1", d));
        QVERIFY(!verify("k2", d));
        QVERIFY(!verify("k1 ", d));
        QVERIFY(!verify("", d));
        QVERIFY(!constantTimeEquals("abc", "abcd"));
    }

    void generatedKeysAreStrongAndDistinct()
    {
        QSet<QByteArray> seen;
        for (int i = 0; i < 200; ++i) {
            const QByteArray k = generateKey();
            QCOMPARE(k.size(), 43); // 32 bytes, unpadded base64url
            for (char c : k)
                QVERIFY(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_');
            QVERIFY(!seen.contains(k));
            seen.insert(k);
        }
    }
};

QTEST_GUILESS_MAIN(TestApiKey)
#include "tst_apikey.moc"
