// SPDX-License-Identifier: Apache-2.0
// API keys: the plaintext goes to the SecretStore only; the workspace holds the SHAKE256 digest.
// Runs against an in-memory store and against the session's real Secret Service (gnome-keyring
// under dbus-run-session, as the README's test command sets up).
#include "consoletest.h"
#include "dialogs/keydialogs.h"
#include "keys/apikey.h"
#include "models/workspacemodel.h"
#include "services/keymanager.h"
#include "services/secretstore.h"

#include <QApplication>
#include <QClipboard>
#include <QDeadlineTimer>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>
#include <qt6keychain/keychain.h>

using namespace Airgate;
using namespace Airgate::Console;

namespace {
const QString kApp = QStringLiteral("ManagedApplication|apps|partner-app");

NewKey generateSync(KeyManager &keys, const QString &app, const QString &title)
{
    NewKey out;
    bool done = false;
    keys.generate(app, title, [&](const NewKey &k) {
        out = k;
        done = true;
    });
    QDeadlineTimer deadline(15000);
    while (!done && !deadline.hasExpired())
        QTest::qWait(10);
    return out;
}

SecretOutcome readSync(SecretStore &s, const QString &account)
{
    SecretOutcome out;
    bool done = false;
    s.read(account, [&](const SecretOutcome &o) {
        out = o;
        done = true;
    });
    QDeadlineTimer deadline(15000);
    while (!done && !deadline.hasExpired())
        QTest::qWait(10);
    return out;
}

/** Whether any file under @p dir contains @p needle. */
bool workspaceContains(const QString &dir, const QByteArray &needle)
{
    QDirIterator it(dir, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        if (ConsoleTest::readFile(it.next()).contains(needle))
            return true;
    return false;
}
} // namespace

class TestKeys : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { ConsoleTest::isolate(); }

    void generateStoresPlaintextOnlyInTheStore()
    {
        QTemporaryDir tmp;
        const QString dir = ConsoleTest::copyExample(tmp);
        WorkspaceModel m;
        QVERIFY(m.open(dir));
        MemorySecretStore store;
        KeyManager keys(&m, &store);
        QCOMPARE(keys.keys(kApp).size(), 1);
        QVERIFY(keys.keys(kApp).first().digestOk);

        const NewKey k = generateSync(keys, kApp, QStringLiteral("CI key"));
        QVERIFY(k.stored);
        QCOMPARE(k.plaintext.size(), 43); // 32 random bytes, unpadded base64url
        QCOMPARE(k.secretName, QStringLiteral("partner-app-key-2"));
        const QList<AppKey> ks = keys.keys(kApp);
        QCOMPARE(ks.size(), 2);
        QCOMPARE(ks[1].title, QStringLiteral("CI key"));
        QCOMPARE(ks[1].secretName, k.secretName);
        QVERIFY(ks[1].digestOk);
        // The Secret holds base64(hex(SHAKE256(key))) and the digest verifies the plaintext.
        const QString secret = QStringLiteral("Secret|apps|") + k.secretName;
        const QByteArray data = QByteArray::fromBase64(
            m.value(secret, QStringLiteral("data[key]")).toString().toLatin1());
        QVERIFY(Keys::verify(k.plaintext, data));
        // One undo step takes back both the Secret and the apiKeys entry.
        QCOMPARE(m.undoStack()->count(), 1);
        // The plaintext is in the store under the workspace's account, nowhere in the files.
        QCOMPARE(
            readSync(store, SecretStore::accountFor(m.root(), QStringLiteral("apps"), k.secretName))
                .secret,
            k.plaintext);
        QVERIFY(m.save());
        QVERIFY(!workspaceContains(dir, k.plaintext));
        int errors = 0;
        for (const Diagnostic &d : m.diagnostics())
            errors += d.isError();
        QCOMPARE(errors, 0);
    }

    void rotateSuspendTitleRevoke()
    {
        QTemporaryDir tmp;
        WorkspaceModel m;
        QVERIFY(m.open(ConsoleTest::copyExample(tmp)));
        MemorySecretStore store;
        KeyManager keys(&m, &store);
        const NewKey first = generateSync(keys, kApp, QStringLiteral("first"));
        // Rotation adds a key beside the old one.
        NewKey rotated;
        bool done = false;
        keys.rotate(kApp, 1, [&](const NewKey &k) {
            rotated = k;
            done = true;
        });
        QTRY_VERIFY(done);
        QCOMPARE(keys.keys(kApp).size(), 3);
        QVERIFY(keys.keys(kApp)[2].title.startsWith(QStringLiteral("first (rotated ")));
        QVERIFY(rotated.plaintext != first.plaintext);
        keys.setSuspended(kApp, 1, true);
        QVERIFY(keys.keys(kApp)[1].suspended);
        QCOMPARE(m.value(kApp, QStringLiteral("spec.apiKeys[1].suspended")).toBool(), true);
        keys.setSuspended(kApp, 1, false);
        QVERIFY(!m.has(kApp, QStringLiteral("spec.apiKeys[1].suspended")));
        keys.setTitle(kApp, 1, QStringLiteral("renamed"));
        QCOMPARE(keys.keys(kApp)[1].title, QStringLiteral("renamed"));
        QCOMPARE(store.size(), 2);
        // Revoking removes the entry, its Secret and the keychain entry.
        keys.revoke(kApp, 1);
        QCOMPARE(keys.keys(kApp).size(), 2);
        QVERIFY(!m.resource(QStringLiteral("Secret|apps|") + first.secretName));
        QTRY_COMPARE(store.size(), 1);
        QCOMPARE(keys.keys(kApp)[1].secretName, rotated.secretName);
    }

    void dialogShowsTheKeyOnceWithCopy()
    {
        QTemporaryDir tmp;
        WorkspaceModel m;
        QVERIFY(m.open(ConsoleTest::copyExample(tmp)));
        MemorySecretStore store;
        KeyManager keys(&m, &store);
        KeysDialog d(&keys, kApp);
        d.show();
        QCOMPARE(d.table()->rowCount(), 1);
        QSignalSpy shown(&d, &KeysDialog::keyShown);
        d.generate(QStringLiteral("from dialog"));
        QTRY_COMPARE(shown.size(), 1);
        NewKeyDialog *nk = d.lastShown();
        QVERIFY(nk);
        const QString plaintext = nk->keyField()->text();
        QCOMPARE(plaintext.size(), 43);
        QVERIFY(nk->storageLabel()->text().contains(QStringLiteral("Stored in the keychain")));
        nk->copyButton()->click();
        QCOMPARE(QApplication::clipboard()->text(), plaintext);
        QCOMPARE(d.table()->rowCount(), 2);
        QCOMPARE(d.table()->item(1, 0)->text(), QStringLiteral("from dialog"));
        QCOMPARE(d.table()->item(1, 3)->text(), QStringLiteral("SHAKE256 digest"));
        // Screenshot for the documentation.
        if (qEnvironmentVariableIsSet("AIRGATE_SCREENSHOTS")) {
            nk->grab().save(qEnvironmentVariable("AIRGATE_SCREENSHOTS")
                            + QStringLiteral("/key-dialog.png"));
            d.grab().save(qEnvironmentVariable("AIRGATE_SCREENSHOTS")
                          + QStringLiteral("/keys-dialog.png"));
        }
        nk->close();
        // Suspend and revoke through the dialog.
        d.table()->selectRow(1);
        d.toggleSuspendSelected();
        QCOMPARE(d.table()->item(1, 2)->text(), QStringLiteral("suspended"));
        d.table()->selectRow(1);
        d.revokeSelected(false);
        QCOMPARE(d.table()->rowCount(), 1);
    }

    void withoutKeychainTheKeyIsShownOnceAndSaidSo()
    {
        QTemporaryDir tmp;
        WorkspaceModel m;
        QVERIFY(m.open(ConsoleTest::copyExample(tmp)));
        MemorySecretStore store;
        store.setUnavailable(true);
        KeyManager keys(&m, &store);
        const NewKey k = generateSync(keys, kApp, QString());
        QVERIFY(!k.stored);
        QVERIFY(k.unavailable);
        // The workspace still gets the digest: the key works, it is just kept nowhere locally.
        QCOMPARE(keys.keys(kApp).size(), 2);
        NewKeyDialog d(k, store.backendName());
        QCOMPARE(d.keyField()->text(), QString::fromLatin1(k.plaintext));
        QVERIFY(d.storageLabel()->text().contains(QStringLiteral("No keychain is available")));
    }

    void withoutASessionBusThereIsNoPromptAndAPlainMessage()
    {
        // No session bus: asking libsecret would start one (and a keyring password prompt);
        // the store answers at once instead, in plain words.
        const QByteArray saved = qgetenv("DBUS_SESSION_BUS_ADDRESS");
        const QByteArray savedRuntime = qgetenv("XDG_RUNTIME_DIR");
        auto restore = qScopeGuard([&] {
            saved.isNull() ? qunsetenv("DBUS_SESSION_BUS_ADDRESS")
                           : qputenv("DBUS_SESSION_BUS_ADDRESS", saved);
            savedRuntime.isNull() ? qunsetenv("XDG_RUNTIME_DIR")
                                  : qputenv("XDG_RUNTIME_DIR", savedRuntime);
        });
        for (const QByteArray &address :
             {QByteArray("unix:path=/nonexistent/airgate-test-bus"), QByteArray()}) {
            if (address.isEmpty()) {
                qunsetenv("DBUS_SESSION_BUS_ADDRESS");
                qputenv("XDG_RUNTIME_DIR", "/nonexistent/airgate-runtime");
            } else {
                qputenv("DBUS_SESSION_BUS_ADDRESS", address);
            }
            QVERIFY(!KeychainSecretStore::sessionBusProblem().isEmpty());
            KeychainSecretStore store(nullptr, 15000);
            QElapsedTimer t;
            t.start();
            const SecretOutcome r = readSync(store, QStringLiteral("x|apps/k"));
            QVERIFY2(t.elapsed() < 2000, "answered without waiting for a keychain");
            QVERIFY(!r.ok);
            QVERIFY(r.unavailable);
            QVERIFY2(r.error.contains(QStringLiteral("No keychain is available")),
                     qPrintable(r.error));
            QVERIFY2(r.error.contains(QStringLiteral("D-Bus")), qPrintable(r.error));
            QVERIFY2(!r.error.contains(QStringLiteral("Could not connect")), qPrintable(r.error));
        }
        // The library's own texts never reach the user.
        const QString plain = KeychainSecretStore::plainError(
            QKeychain::OtherError, QStringLiteral("Could not connect: No such file or directory"));
        QVERIFY2(!plain.contains(QStringLiteral("Could not connect")), qPrintable(plain));
        QVERIFY(plain.contains(QStringLiteral("No keychain is available")));
        QVERIFY(!KeychainSecretStore::plainError(QKeychain::OtherError, QStringLiteral("boom"))
                     .contains(QStringLiteral("boom")));
    }

    void realKeychainRoundTrip()
    {
        if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS")) {
            // The README's test command provides the keyring: there, its absence is a failure.
            if (qEnvironmentVariableIsSet("AIRGATE_REQUIRE_KEYCHAIN"))
                QFAIL("AIRGATE_REQUIRE_KEYCHAIN is set but there is no session bus");
            QSKIP("no session bus: run under dbus-run-session scripts/with-keyring.sh (the "
                  "README's test command does)");
        }
        KeychainSecretStore store(nullptr, 15000);
        const QString account = SecretStore::accountFor(
            QStringLiteral("/tmp/airgate-test-%1").arg(QCoreApplication::applicationPid()),
            QStringLiteral("apps"), QStringLiteral("k"));
        const QByteArray secret = Keys::generateKey();
        bool done = false;
        SecretOutcome w;
        store.write(account, secret, [&](const SecretOutcome &o) {
            w = o;
            done = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(done, 20000);
        QVERIFY2(w.ok, qPrintable(w.error));
        const SecretOutcome r = readSync(store, account);
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.secret, secret);
        done = false;
        store.remove(account, [&](const SecretOutcome &o) {
            QVERIFY(o.ok);
            done = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(done, 20000);
        const SecretOutcome gone = readSync(store, account);
        QVERIFY(!gone.ok);
        QVERIFY(!gone.unavailable);

        // And through the key manager: generate → in gnome-keyring, digest in the workspace.
        QTemporaryDir tmp;
        WorkspaceModel m;
        QVERIFY(m.open(ConsoleTest::copyExample(tmp)));
        KeyManager keys(&m, &store);
        const NewKey k = generateSync(keys, kApp, QStringLiteral("keyring"));
        QVERIFY2(k.stored, qPrintable(k.storeError));
        QByteArray fromKeychain;
        done = false;
        keys.readPlaintext(kApp, 1, [&](const QByteArray &key, const QString &) {
            fromKeychain = key;
            done = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(done, 20000);
        QCOMPARE(fromKeychain, k.plaintext);
        keys.revoke(kApp, 1);
        QTest::qWait(500);
        QVERIFY(!readSync(store,
                          SecretStore::accountFor(m.root(), QStringLiteral("apps"), k.secretName))
                     .ok);
    }
};

QTEST_MAIN(TestKeys)
#include "tst_keys.moc"
