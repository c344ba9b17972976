// SPDX-License-Identifier: Apache-2.0
#include "schema/formats.h"

#include <QTest>

using namespace Airgate::Formats;

class TestFormats final : public QObject
{
    Q_OBJECT

private slots:
    void goDurations_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("nanos");
        QTest::addColumn<bool>("valid");
        QTest::newRow("seconds") << "30s" << qint64(30'000'000'000) << true;
        QTest::newRow("compound") << "1h30m" << qint64(5'400'000'000'000) << true;
        QTest::newRow("fraction") << "1.5h" << qint64(5'400'000'000'000) << true;
        QTest::newRow("leading dot") << ".5s" << qint64(500'000'000) << true;
        QTest::newRow("micro sign") << QString::fromUtf8("2µs") << qint64(2000) << true;
        QTest::newRow("zero") << "0" << qint64(0) << true;
        QTest::newRow("negative") << "-1m" << qint64(-60'000'000'000) << true;
        QTest::newRow("no unit") << "10" << qint64(0) << false;
        QTest::newRow("days not go") << "1d" << qint64(0) << false;
        QTest::newRow("empty") << "" << qint64(0) << false;
        QTest::newRow("space") << "1 h" << qint64(0) << false;
        QTest::newRow("overflow") << "9999999999999h" << qint64(0) << false;
    }

    void goDurations()
    {
        QFETCH(QString, text);
        QFETCH(qint64, nanos);
        QFETCH(bool, valid);
        const auto d = parseGoDuration(text.toStdString());
        QCOMPARE(d.has_value(), valid);
        if (valid)
            QCOMPARE(*d, nanos);
    }

    void kubernetesDurations()
    {
        QCOMPARE(parseKubernetesDuration("1d").value(), qint64(86'400'000'000'000));
        QCOMPARE(parseKubernetesDuration("2 hours").value(), qint64(7'200'000'000'000));
        QCOMPARE(parseKubernetesDuration("3 days").value(), qint64(3 * 86'400'000'000'000));
        QCOMPARE(parseKubernetesDuration("1w").value(), qint64(7 * 86'400'000'000'000));
        QCOMPARE(parseKubernetesDuration("1h30m").value(), qint64(5'400'000'000'000));
        QVERIFY(!parseKubernetesDuration("soon"));
        QVERIFY(!parseKubernetesDuration("1x"));
        QVERIFY(!parseKubernetesDuration("1.5d"));
    }

    void goRequestUris_data()
    {
        QTest::addColumn<QString>("uri");
        QTest::addColumn<bool>("valid");
        QTest::newRow("https") << "https://example.com" << true;
        QTest::newRow("port") << "http://127.0.0.1:8080/x?y=1" << true;
        QTest::newRow("path") << "/spec.json" << true;
        QTest::newRow("opaque") << "mailto:ops@example.com" << true;
        QTest::newRow("userinfo") << "https://u:p@host/" << true;
        QTest::newRow("ipv6") << "http://[::1]:80/" << true;
        QTest::newRow("relative") << "spec.json" << false;
        QTest::newRow("bad port") << "https://a:b:c/" << false;
        QTest::newRow("space host") << "https://exa mple.com/" << false;
        QTest::newRow("bad escape") << "https://example.com/%zz" << false;
        QTest::newRow("no scheme colon") << ":foo" << false;
        QTest::newRow("ctl") << "https://example.com/\x01" << false;
        QTest::newRow("empty") << "" << false;
    }

    void goRequestUris()
    {
        QFETCH(QString, uri);
        QFETCH(bool, valid);
        QCOMPARE(isGoRequestUri(uri.toStdString()), valid);
    }

    void names()
    {
        QVERIFY(isDnsLabel("weather-api"));
        QVERIFY(!isDnsLabel("Weather"));
        QVERIFY(!isDnsLabel("a.b"));
        QVERIFY(!isDnsLabel(std::string(64, 'a')));
        QVERIFY(isDnsSubdomain("a.b-c.d"));
        QVERIFY(!isDnsSubdomain("a..b"));
        QVERIFY(isQualifiedName("hub.traefik.io/api"));
        QVERIFY(isQualifiedName("app"));
        QVERIFY(!isQualifiedName("a/b/c"));
        QVERIFY(!isQualifiedName("-x"));
        QVERIFY(isLabelValue(""));
        QVERIFY(!isLabelValue("a b"));
        QVERIFY(isConfigKey("tls.crt"));
        QVERIFY(!isConfigKey("a b"));
    }

    void base64()
    {
        QCOMPARE(invalidBase64Offset("YWJj"), std::string::npos);
        QCOMPARE(invalidBase64Offset("YWI="), std::string::npos);
        QCOMPARE(invalidBase64Offset("YW!j"), size_t(2));
        QVERIFY(invalidBase64Offset("YWJ") != std::string::npos);
        QVERIFY(invalidBase64Offset("<base64-encoded-client-id>") != std::string::npos);
    }

    void formatsDurationsLikeGo()
    {
        QCOMPARE(QString::fromStdString(formatGoDuration(5'400'000'000'000)),
                 QStringLiteral("1h30m0s"));
        QCOMPARE(QString::fromStdString(formatGoDuration(1'500'000'000)), QStringLiteral("1.5s"));
        QCOMPARE(QString::fromStdString(formatGoDuration(0)), QStringLiteral("0s"));
    }
};

QTEST_GUILESS_MAIN(TestFormats)
#include "tst_formats.moc"
