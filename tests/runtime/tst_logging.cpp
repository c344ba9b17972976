// SPDX-License-Identifier: Apache-2.0
// The log lines `serve --log-format` writes, and the admin token's randomness source.
#include "gateway/gateway.h"
#include "log/logging.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Airgate::Runtime;

class TestLogging : public QObject
{
    Q_OBJECT

private slots:
    void jsonLineIsOneObject()
    {
        const QByteArray line
            = Log::formatLine(Log::Format::Json, QtWarningMsg, "airgate.gateway",
                              QStringLiteral("cannot \"write\"\n\x01 é"), 1'700'000'000'123);
        QVERIFY(!line.contains('\n'));
        QJsonParseError e;
        const QJsonObject o = QJsonDocument::fromJson(line, &e).object();
        QCOMPARE(e.error, QJsonParseError::NoError);
        QCOMPARE(o.value(QStringLiteral("time")).toString(),
                 QStringLiteral("2023-11-14T22:13:20.123Z"));
        QCOMPARE(o.value(QStringLiteral("level")).toString(), QStringLiteral("warning"));
        QCOMPARE(o.value(QStringLiteral("category")).toString(), QStringLiteral("airgate.gateway"));
        QCOMPARE(o.value(QStringLiteral("message")).toString(),
                 QStringLiteral("cannot \"write\"\n\x01 é"));
    }

    void textLineIsOneLine()
    {
        const QByteArray line = Log::formatLine(Log::Format::Text, QtCriticalMsg, "airgate.http",
                                                QStringLiteral("a\nb"), 0);
        QCOMPARE(line, QByteArray("1970-01-01T00:00:00.000Z error airgate.http: a\\nb"));
    }

    void levelsAndFormatsParse()
    {
        QCOMPARE(Log::parseLevel(QStringLiteral("debug")), Log::Level::Debug);
        QCOMPARE(Log::parseLevel(QStringLiteral("error")), Log::Level::Error);
        QVERIFY(!Log::parseLevel(QStringLiteral("verbose")));
        QCOMPARE(Log::parseFormat(QStringLiteral("json")), Log::Format::Json);
        QVERIFY(!Log::parseFormat(QStringLiteral("xml")));
    }

    void categoriesHonourTheLevel()
    {
        Log::install(Log::Level::Warning, Log::Format::Text);
        QVERIFY(!lcGateway().isInfoEnabled());
        QVERIFY(lcGateway().isWarningEnabled());
        QVERIFY(!lcHttp().isDebugEnabled());
        Log::install(Log::Level::Debug, Log::Format::Text);
        QVERIFY(lcHttp().isDebugEnabled());
        qInstallMessageHandler(nullptr);
    }

    void adminTokenIsRandom()
    {
        const auto a = randomToken();
        const auto b = randomToken();
        QVERIFY(a && b);
        QCOMPARE(a->size(), 43); // 32 bytes, base64url without padding
        QVERIFY(*a != *b);
        QVERIFY(QByteArray::fromBase64(*a, QByteArray::Base64UrlEncoding).count('\0') < 8);
    }
};

QTEST_GUILESS_MAIN(TestLogging)
#include "tst_logging.moc"
