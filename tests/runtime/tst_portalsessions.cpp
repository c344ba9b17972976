// SPDX-License-Identifier: Apache-2.0
// The portal's session store on a clock the test sets: sessions end at their lifetime and belong
// to one portal; a sign-in in progress is used once, only by the browser that started it, only
// within its lifetime; a flood of sign-ins cannot grow the store without bound.
#include "portal/sessionstore.h"

#include <QCryptographicHash>
#include <QTest>

using namespace Airgate::Runtime::Portal;

namespace {

PendingLogin pending(const QByteArray &state, const QByteArray &browserCookie,
                     const QString &portal = QStringLiteral("apps/portal"))
{
    PendingLogin p;
    p.portal = portal;
    p.login.state = state;
    p.returnTo = QStringLiteral("/catalog");
    p.browser = QCryptographicHash::hash(browserCookie, QCryptographicHash::Sha256);
    return p;
}

QByteArray browser(const QByteArray &cookie)
{
    return QCryptographicHash::hash(cookie, QCryptographicHash::Sha256);
}

} // namespace

class TestPortalSessions final : public QObject
{
    Q_OBJECT

private slots:
    void sessionsEndAtTheirLifetime()
    {
        SessionStore store;
        const qint64 t0 = 1'700'000'000'000;
        PortalSession s;
        s.portal = QStringLiteral("apps/portal");
        s.user.id = QStringLiteral("alice");
        s.csrf = "token";
        const QByteArray id = store.open(s, t0);
        QCOMPARE(id.size(), 43);
        const auto found = store.find(id, QStringLiteral("apps/portal"), t0 + 1000);
        QVERIFY(found);
        QCOMPARE(found->user.id, QStringLiteral("alice"));
        QCOMPARE(found->expiresMs, t0 + SessionStore::kSessionTtlMs);
        // Another portal does not know it, and forgets it.
        QVERIFY(!store.find(id, QStringLiteral("apps/other"), t0 + 1000));
        QVERIFY(!store.find(id, QStringLiteral("apps/portal"), t0 + 1000));
        // One second past its lifetime it is gone.
        const QByteArray id2 = store.open(s, t0);
        QVERIFY(store.find(id2, QStringLiteral("apps/portal"), t0 + SessionStore::kSessionTtlMs));
        QVERIFY(!store.find(id2, QStringLiteral("apps/portal"),
                            t0 + SessionStore::kSessionTtlMs + 1000));
        QCOMPARE(store.sessionCount(), 0);
        // Expired sessions go when another one opens; a closed one is gone at once.
        store.open(s, t0);
        const QByteArray late = store.open(s, t0 + SessionStore::kSessionTtlMs + 1);
        QCOMPARE(store.sessionCount(), 1);
        store.close(late);
        QCOMPARE(store.sessionCount(), 0);
        QVERIFY(!store.find({}, QStringLiteral("apps/portal"), t0));
    }

    void aSignInIsUsedOnceByItsBrowserInTime()
    {
        SessionStore store;
        const qint64 t0 = 1'700'000'000'000;
        const QString portal = QStringLiteral("apps/portal");
        store.addPending(pending("s1", "cookie-a"), t0);
        PendingLogin out;
        // Another browser: refused, and the sign-in stays for its own browser.
        QCOMPARE(store.takePending("s1", browser("cookie-b"), portal, t0, &out),
                 SessionStore::Take::OtherBrowser);
        QCOMPARE(store.takePending("s1", browser("cookie-a"), portal, t0 + 5000, &out),
                 SessionStore::Take::Taken);
        QCOMPARE(out.returnTo, QStringLiteral("/catalog"));
        QCOMPARE(out.createdMs, t0);
        // Once only.
        QCOMPARE(store.takePending("s1", browser("cookie-a"), portal, t0 + 5000, &out),
                 SessionStore::Take::Unknown);
        // Too late, or for another portal: unknown (and used up).
        store.addPending(pending("s2", "cookie-a"), t0);
        QCOMPARE(store.takePending("s2", browser("cookie-a"), portal,
                                   t0 + SessionStore::kLoginTtlMs + 1, &out),
                 SessionStore::Take::Unknown);
        store.addPending(pending("s3", "cookie-a"), t0);
        QCOMPARE(
            store.takePending("s3", browser("cookie-a"), QStringLiteral("apps/other"), t0, &out),
            SessionStore::Take::Unknown);
        QCOMPARE(store.pendingCount(), 0);
    }

    void signInsInProgressAreBounded()
    {
        SessionStore store;
        const qint64 t0 = 1'700'000'000'000;
        // Stale ones go when a new one comes.
        store.addPending(pending("old", "c"), t0);
        store.addPending(pending("new", "c"), t0 + SessionStore::kLoginTtlMs + 1);
        QCOMPARE(store.pendingCount(), 1);
        // A flood within the lifetime: never more than the bound.
        for (int i = 0; i < SessionStore::kMaxPendingLogins + 10; ++i)
            store.addPending(pending("f" + QByteArray::number(i), "c"), t0 + 10);
        QVERIFY(store.pendingCount() <= SessionStore::kMaxPendingLogins);
        QVERIFY(store.pendingCount() > 0);
    }
};

QTEST_GUILESS_MAIN(TestPortalSessions)
#include "tst_portalsessions.moc"
