// SPDX-License-Identifier: Apache-2.0
// The access-log line: one JSON object per request, written by hand on the worker. Its time is
// Qt::ISODateWithMs in UTC (the console and log readers parse it), names are JSON strings with
// every control character escaped, whether they are ASCII or not.
#include "gateway/accesslog.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <limits>

using namespace Airgate::Runtime;

class TestAccessLog final : public QObject
{
    Q_OBJECT

private slots:
    void timeIsIsoUtcWithMilliseconds_data()
    {
        QTest::addColumn<qint64>("ms");
        QTest::newRow("epoch") << qint64(0);
        QTest::newRow("ms 7") << qint64(1'764'681'768'007);
        QTest::newRow("ms 999") << qint64(1'764'681'768'999);
        QTest::newRow("next second") << qint64(1'764'681'769'000);
        QTest::newRow("same second again") << qint64(1'764'681'769'450);
        QTest::newRow("before 1970") << qint64(-1'500);
        QTest::newRow("year 9999") << qint64(253'402'300'799'123);
    }
    void timeIsIsoUtcWithMilliseconds()
    {
        QFETCH(qint64, ms);
        AccessLogEntry e;
        e.timeMs = ms;
        const QJsonObject o = QJsonDocument::fromJson(e.toJson()).object();
        QCOMPARE(o.value(QStringLiteral("time")).toString(),
                 QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs));
    }

    void namesAreEscapedJsonStrings()
    {
        AccessLogEntry e;
        e.entryPoint = QStringLiteral("web");
        e.clientIp = QStringLiteral("127.0.0.1");
        e.method = "GET";
        e.path = "/a\"b\\c";
        e.route = QStringLiteral("ns/r\"1#0");
        e.api = QStringLiteral("ns/wéather");
        e.application = QStringLiteral("ns/app\\x");
        e.subscription = QStringLiteral("ns/sub\u0001");
        e.plan = QStringLiteral("ns/plan\n");
        e.reason = QStringLiteral("tab\there, ünïcode\r");
        const QByteArray line = e.toJson();
        QVERIFY(!line.contains('\n'));
        QJsonParseError err;
        const QJsonObject o = QJsonDocument::fromJson(line, &err).object();
        QCOMPARE(err.error, QJsonParseError::NoError);
        QCOMPARE(o.value(QStringLiteral("entryPoint")).toString(), e.entryPoint);
        QCOMPARE(o.value(QStringLiteral("clientIp")).toString(), e.clientIp);
        QCOMPARE(o.value(QStringLiteral("path")).toString(), QStringLiteral("/a\"b\\c"));
        QCOMPARE(o.value(QStringLiteral("route")).toString(), e.route);
        QCOMPARE(o.value(QStringLiteral("api")).toString(), e.api);
        QCOMPARE(o.value(QStringLiteral("application")).toString(), e.application);
        QCOMPARE(o.value(QStringLiteral("subscription")).toString(), e.subscription);
        QCOMPARE(o.value(QStringLiteral("plan")).toString(), e.plan);
        QCOMPARE(o.value(QStringLiteral("reason")).toString(), e.reason);
        QVERIFY(line.contains("\\u0001"));
        QCOMPARE(o.value(QStringLiteral("method")).toString(), QStringLiteral("GET"));
        // Empty optional names are left out.
        QVERIFY(!o.contains(QStringLiteral("upstream")));
    }

    void numbersAndBytesOfAnySize()
    {
        AccessLogEntry e;
        e.status = 429;
        e.bytes = 1234567890123;
        e.generation = std::numeric_limits<quint64>::max();
        e.durationMs = 1e300; // formatted with 'f': 301 digits, beyond any fixed reserve
        e.host = QByteArray(5000, '\x01'); // each byte escaped as \u0001
        const QByteArray line = e.toJson();
        QVERIFY(line.endsWith('}'));
        QVERIFY(line.contains(",\"status\":429,"));
        QVERIFY(line.contains(",\"bytes\":1234567890123,"));
        QVERIFY(line.contains(",\"generation\":18446744073709551615"));
        QVERIFY(line.contains(QByteArray::number(1e300, 'f', 3)));
        const QJsonObject o = QJsonDocument::fromJson(line).object();
        QCOMPARE(o.value(QStringLiteral("host")).toString(), QString(5000, QChar(1)));
        QCOMPARE(o.value(QStringLiteral("status")).toInt(), 429);
    }
};

QTEST_GUILESS_MAIN(TestAccessLog)
#include "tst_accesslog.moc"
