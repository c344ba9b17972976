// SPDX-License-Identifier: Apache-2.0
// Metrics without a lock on the data path: each worker counts into its own shard by integer
// handles; the scrape adds the shards up. Nothing is lost under concurrent writers, beyond
// one table's capacity, or across label tables.
#include "gateway/metrics.h"

#include <QTest>

#include <thread>
#include <vector>

using namespace Airgate::Runtime;

class TestMetrics : public QObject
{
    Q_OBJECT

private slots:
    void labelsAreStableHandles()
    {
        LabelTable t;
        QCOMPARE(t.intern(QString()), 0);
        const int a = t.intern(QStringLiteral("apps/orders"));
        QVERIFY(a > 0);
        QCOMPARE(t.intern(QStringLiteral("apps/orders")), a);
        QCOMPARE(t.label(a), QStringLiteral("apps/orders"));
        QVERIFY(t.intern(QStringLiteral("apps/other")) != a);
    }

    void keysPackAndUnpack()
    {
        const auto k = MetricsShard::key(MetricsShard::Family::Requests, 0xabcdef, 17, 503);
        MetricsShard::Family f;
        int a = 0, b = 0, code = 0;
        MetricsShard::unpack(k, f, a, b, code);
        QCOMPARE(int(f), int(MetricsShard::Family::Requests));
        QCOMPARE(a, 0xabcdef);
        QCOMPARE(b, 17);
        QCOMPARE(code, 503);
    }

    void workersCountWithoutLosingAny()
    {
        Metrics m;
        const int api = m.labels()->intern(QStringLiteral("apps/orders"));
        const int app = m.labels()->intern(QStringLiteral("apps/app-a"));
        constexpr int kThreads = 4;
        constexpr int kEach = 50000;
        std::vector<MetricsShard *> shards;
        for (int i = 0; i < kThreads; ++i)
            shards.push_back(m.addShard());
        std::vector<std::thread> threads;
        std::atomic<bool> stop {false};
        // A scrape running all along must not disturb the writers.
        std::thread scraper([&] {
            while (!stop)
                (void)m.render();
        });
        for (int i = 0; i < kThreads; ++i)
            threads.emplace_back([&, i] {
                for (int n = 0; n < kEach; ++n) {
                    shards[size_t(i)]->request(api, n % 2 ? 200 : 401, app, 1'000'000);
                    if (n % 2 == 0)
                        shards[size_t(i)]->authFailure(api, MetricReason::UnknownKey);
                }
            });
        for (auto &t : threads)
            t.join();
        stop = true;
        scraper.join();
        const QByteArray text = m.render();
        QVERIFY2(text.contains("airgate_requests_total{api=\"apps/orders\",code=\"200\","
                               "application=\"apps/app-a\"} 100000\n"),
                 text.constData());
        QVERIFY(text.contains("airgate_requests_total{api=\"apps/orders\",code=\"401\","
                              "application=\"apps/app-a\"} 100000\n"));
        QVERIFY(text.contains(
            "airgate_auth_failures_total{api=\"apps/orders\",reason=\"unknown key\"} 100000\n"));
        QVERIFY(text.contains("airgate_request_duration_seconds_count 200000\n"));
        // 1 ms: above the 0.5 ms bucket, within the 1 ms one.
        QVERIFY(text.contains("airgate_request_duration_seconds_bucket{le=\"0.0005\"} 0\n"));
        QVERIFY(text.contains("airgate_request_duration_seconds_bucket{le=\"0.001\"} 200000\n"));
        QVERIFY(text.contains("airgate_request_duration_seconds_sum 200.000000\n"));
    }

    void moreCombinationsThanOneTableHolds()
    {
        Metrics m;
        MetricsShard *s = m.addShard();
        for (int api = 1; api <= 5000; ++api)
            for (int k = 0; k < 3; ++k)
                s->rateLimited(api);
        QHash<std::uint64_t, std::uint64_t> counters;
        std::array<std::uint64_t, MetricsShard::kBuckets.size() + 1> h {};
        std::uint64_t sum = 0, count = 0;
        s->collect(counters, h, sum, count);
        QCOMPARE(counters.size(), 5000);
        for (auto v : counters)
            QCOMPARE(v, std::uint64_t(3));
    }

    void labelsAreEscaped()
    {
        Metrics m;
        const int up = m.labels()->intern(QStringLiteral("ns/\"odd\"\\name:80"));
        m.common().upstreamError(up, MetricReason::Timeout);
        m.reload(true);
        m.reload(false);
        m.reload(false);
        const QByteArray text = m.render();
        QVERIFY2(
            text.contains("airgate_upstream_errors_total{upstream=\"ns/\\\"odd\\\"\\\\name:80\","
                          "kind=\"timeout\"} 1\n"),
            text.constData());
        QVERIFY(text.contains("airgate_reloads_total{result=\"failure\"} 2\n"));
        QVERIFY(text.contains("# TYPE airgate_requests_total counter\n"));
    }
};

QTEST_GUILESS_MAIN(TestMetrics)
#include "tst_metrics.moc"
