// SPDX-License-Identifier: Apache-2.0
// The snapshot every worker serves from: a replaced one is freed by the gateway's own thread,
// never by the worker that drops it last (freeing a big configuration — its documents, routes
// and compiled patterns — held API requests on that worker for hundreds of milliseconds after
// every reload).
#include "gateway/sharedstate.h"

#include <QTest>

using namespace Airgate::Runtime;

class TestSharedState final : public QObject
{
    Q_OBJECT

private slots:
    void replacedSnapshotsAreFreedByReleaseRetired()
    {
        SharedState shared;
        shared.publish(std::make_shared<RuntimeConfig>());
        // A worker holds the current snapshot while it serves.
        std::shared_ptr<const RuntimeConfig> worker = shared.current();
        const std::weak_ptr<const RuntimeConfig> first = worker;
        QCOMPARE(shared.publish(std::make_shared<RuntimeConfig>()), quint64(2));
        QCOMPARE(shared.releaseRetired(), 0); // still in use
        QVERIFY(!first.expired());
        // The worker moves to the new generation: dropping the old one frees nothing there.
        worker = shared.current();
        QCOMPARE(worker->generation, quint64(2));
        QVERIFY(!first.expired());
        QCOMPARE(shared.releaseRetired(), 1);
        QVERIFY(first.expired());
        QCOMPARE(shared.releaseRetired(), 0);
        // The current one is never retired.
        worker.reset();
        QCOMPARE(shared.releaseRetired(), 0);
        QCOMPARE(shared.current()->generation, quint64(2));
    }
};

QTEST_GUILESS_MAIN(TestSharedState)
#include "tst_sharedstate.moc"
