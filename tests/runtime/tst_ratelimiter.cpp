// SPDX-License-Identifier: Apache-2.0
#include "limits/ratelimiter.h"

#include <QTest>

using namespace Airgate::Runtime;

namespace {
constexpr qint64 kSecond = 1'000'000'000;
}

class TestRateLimiter final : public QObject
{
    Q_OBJECT

private slots:
    void gcraOnePerSecond()
    {
        RateLimiter r;
        LimitDecision d = r.take(QStringLiteral("b"), 1, kSecond, 100 * kSecond);
        QVERIFY(d.allowed);
        QCOMPARE(d.remaining, 0);
        d = r.take(QStringLiteral("b"), 1, kSecond, 100 * kSecond);
        QVERIFY(!d.allowed);
        QCOMPARE(d.retryAfterMs, 1000);
        d = r.take(QStringLiteral("b"), 1, kSecond, 101 * kSecond);
        QVERIFY(d.allowed);
    }

    void burstThenSteadyRate()
    {
        RateLimiter r;
        const qint64 t0 = 50 * kSecond;
        for (int i = 0; i < 100; ++i) {
            const LimitDecision d = r.take(QStringLiteral("b"), 100, kSecond, t0);
            QVERIFY(d.allowed);
            QCOMPARE(d.remaining, 99 - i);
        }
        QVERIFY(!r.take(QStringLiteral("b"), 100, kSecond, t0).allowed);
        // One request regenerates every 10 ms.
        QVERIFY(!r.take(QStringLiteral("b"), 100, kSecond, t0 + 9'000'000).allowed);
        QVERIFY(r.take(QStringLiteral("b"), 100, kSecond, t0 + 10'000'000).allowed);
        // Over a long run the rate converges to limit/period.
        int allowed = 0;
        for (qint64 t = t0 + kSecond; t < t0 + 11 * kSecond; t += 1'000'000)
            allowed += r.take(QStringLiteral("b"), 100, kSecond, t).allowed;
        QVERIFY2(allowed >= 1000 && allowed <= 1101, qPrintable(QString::number(allowed)));
    }

    void bucketsAreIndependentAndZeroLimitRefuses()
    {
        RateLimiter r;
        QVERIFY(r.take(QStringLiteral("a"), 1, kSecond, kSecond).allowed);
        QVERIFY(r.take(QStringLiteral("b"), 1, kSecond, kSecond).allowed);
        QVERIFY(!r.take(QStringLiteral("z"), 0, kSecond, kSecond).allowed);
        QCOMPARE(r.bucketCount(), 2);
    }

    void quotaSlidingWindow()
    {
        QuotaStore q;
        const qint64 hour = 3600'000;
        const qint64 t0 = 1'000'000'000'000;
        for (int i = 0; i < 5; ++i) {
            const LimitDecision d = q.take(QStringLiteral("k"), 5, hour, t0 + i * 1000);
            QVERIFY(d.allowed);
            QCOMPARE(d.remaining, 4 - i);
        }
        const LimitDecision refused = q.take(QStringLiteral("k"), 5, hour, t0 + 10'000);
        QVERIFY(!refused.allowed);
        QVERIFY(refused.retryAfterMs > 0 && refused.retryAfterMs <= hour);
        // Still inside the window 59 minutes later; free again once the hour has slid past.
        QVERIFY(!q.take(QStringLiteral("k"), 5, hour, t0 + 59 * 60'000).allowed);
        QVERIFY(q.take(QStringLiteral("k"), 5, hour, t0 + hour + 61'000).allowed);
    }

    void quotaRoundTripsThroughJson()
    {
        QuotaStore q;
        const qint64 day = 24 * 3600'000LL;
        const qint64 t0 = 1'700'000'000'000;
        for (int i = 0; i < 3; ++i)
            q.take(QStringLiteral("k"), 5, day, t0);
        QVERIFY(q.dirty());
        QuotaStore r;
        QVERIFY(r.fromJson(q.toJson()));
        QCOMPARE(r.used(QStringLiteral("k"), day, t0 + 1000), 3);
        QCOMPARE(r.take(QStringLiteral("k"), 5, day, t0 + 1000).remaining, 1);
        QVERIFY(!r.fromJson("{\"version\":99}"));
    }
};

QTEST_GUILESS_MAIN(TestRateLimiter)
#include "tst_ratelimiter.moc"
