// SPDX-License-Identifier: Apache-2.0
#include "io/pidlock.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace Airgate;

class TestPidLock : public QObject
{
    Q_OBJECT

private slots:
    void heldWhileOwnedThenFree()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("gateway.pid"));
        QVERIFY(!Io::PidLock::holder(path));
        {
            auto lock
                = Io::PidLock::acquire(path,
                                       {{QStringLiteral("pid"), qint64(::getpid())},
                                        {QStringLiteral("workspace"), QStringLiteral("/ws")}});
            QVERIFY(lock);
            QVERIFY(lock->isHeld());
            QCOMPARE(QFile(path).permissions() & (QFile::ReadGroup | QFile::ReadOther),
                     QFile::Permissions());
            const auto info = Io::PidLock::holder(path);
            QVERIFY(info);
            QCOMPARE(info->value(QStringLiteral("workspace")).toString(), QStringLiteral("/ws"));
            // A second owner is refused and told who holds it.
            auto second = Io::PidLock::acquire(path, {{QStringLiteral("pid"), 1}});
            QVERIFY(!second);
            QCOMPARE(second.error().code, Error::Code::Refused);
            QCOMPARE(second.error().message, QStringLiteral("pid %1").arg(::getpid()));
            // Updating keeps it held.
            QVERIFY(lock->update({{QStringLiteral("pid"), qint64(::getpid())},
                                  {QStringLiteral("admin"), QStringLiteral("127.0.0.1:1")}}));
            QCOMPARE(Io::PidLock::holder(path)->value(QStringLiteral("admin")).toString(),
                     QStringLiteral("127.0.0.1:1"));
        }
        // Released with its owner; the stale file does not count.
        QVERIFY(QFile::exists(path));
        QVERIFY(!Io::PidLock::holder(path));
        QVERIFY(Io::PidLock::acquire(path, {}));
    }

    void aKilledOwnerLeavesNoLock()
    {
        // A child takes the lock with plain syscalls and is killed -9: the kernel drops the lock
        // with it, and the stale file does not count as held.
        QTemporaryDir dir;
        const QByteArray path = QFile::encodeName(dir.filePath(QStringLiteral("gateway.pid")));
        const pid_t child = ::fork();
        QVERIFY(child >= 0);
        if (child == 0) {
            const int fd = ::open(path.constData(), O_RDWR | O_CREAT, 0600);
            if (fd < 0 || ::flock(fd, LOCK_EX) != 0)
                ::_exit(1);
            for (;;)
                ::pause();
        }
        QTRY_VERIFY(Io::PidLock::holder(QFile::decodeName(path)).has_value());
        ::kill(child, SIGKILL);
        int status = 0;
        QCOMPARE(::waitpid(child, &status, 0), child);
        QVERIFY(!Io::PidLock::holder(QFile::decodeName(path)).has_value());
    }
};

QTEST_GUILESS_MAIN(TestPidLock)
#include "tst_pidlock.moc"
