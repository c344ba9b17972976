// SPDX-License-Identifier: Apache-2.0
// airgate.yaml: local file paths stay inside the workspace; limits.
#include "settings/localsettings.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Airgate;

class TestLocalSettings final : public QObject
{
    Q_OBJECT

private slots:
    // `mock:`, `specs:` (and `jwks:`) accepted absolute paths and `..` paths that leave the
    // workspace: the gateway then served any readable file of the machine as a document.
    void filePathsMustStayInsideTheWorkspace()
    {
        QTemporaryDir tmp;
        const QString root = tmp.filePath(QStringLiteral("ws"));
        QDir().mkpath(root + QStringLiteral("/specs"));
        for (const QString &f : QStringList {root + QStringLiteral("/specs/a.json"),
                                             tmp.filePath(QStringLiteral("outside.json"))}) {
            QFile file(f);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("{}");
        }
        QVERIFY(QFile::link(tmp.filePath(QStringLiteral("outside.json")),
                            root + QStringLiteral("/specs/link.json")));
        const QByteArray text = "services:\n"
                                "  apps/a:80: {mock: specs/a.json}\n"
                                "  apps/b:80: {mock: "
            + tmp.filePath(QStringLiteral("outside.json")).toUtf8()
            + "}\n"
              "  apps/c:80: {mock: ../outside.json}\n"
              "specs:\n"
              "  apps/a: specs/../specs/a.json\n"
              "  apps/b: specs/../../outside.json\n"
              "  apps/c: specs/link.json\n"
              "jwks:\n"
              "  https://idp.example.com/jwks: /etc/passwd\n";
        Diagnostics d;
        const LocalSettings s = LocalSettings::parse(text, root, d);
        QStringList messages;
        for (const Diagnostic &x : d)
            messages << QStringLiteral("%1:%2 %3").arg(x.line).arg(x.column).arg(x.message);
        QCOMPARE(d.size(), 5);
        QVERIFY2(messages[0].startsWith(QStringLiteral("3:21 mock: /")), qPrintable(messages[0]));
        QVERIFY(messages[0].endsWith(QStringLiteral("is an absolute path; only files inside the "
                                                    "workspace are read")));
        QCOMPARE(messages[1],
                 QStringLiteral("4:21 mock: ../outside.json leaves the workspace; only files "
                                "inside it are read"));
        QCOMPARE(messages[2],
                 QStringLiteral("7:11 spec apps/b: specs/../../outside.json leaves "
                                "the workspace; only files inside it are read"));
        QCOMPARE(messages[3],
                 QStringLiteral("8:11 spec apps/c: specs/link.json leaves the "
                                "workspace; only files inside it are read"));
        QVERIFY(messages[4].contains(QStringLiteral("/etc/passwd is an absolute path")));
        QCOMPARE(s.specs.keys(), QStringList {QStringLiteral("apps/a")});
        QCOMPARE(s.specs.value(QStringLiteral("apps/a")), root + QStringLiteral("/specs/a.json"));
        QCOMPARE(s.services.value(QStringLiteral("apps/a:80")).mockFile,
                 root + QStringLiteral("/specs/a.json"));
        QVERIFY(s.jwks.isEmpty());
    }

    // limits: bodyTimeout is the request body's own idle timeout, separate from headerTimeout.
    void bodyTimeoutIsParsedAndValidated()
    {
        QTemporaryDir tmp;
        Diagnostics d;
        LocalSettings s = LocalSettings::parse("limits: {headerTimeout: 2s, bodyTimeout: 45s}\n",
                                               tmp.path(), d);
        QVERIFY(d.isEmpty());
        QCOMPARE(s.limits.headerTimeoutMs, 2000);
        QCOMPARE(s.limits.bodyTimeoutMs, 45000);
        s = LocalSettings::parse("limits: {}\n", tmp.path(), d);
        QCOMPARE(s.limits.bodyTimeoutMs, 30000); // the default
        for (const QByteArray &bad : {QByteArray("0s"), QByteArray("soon"), QByteArray("-1s")}) {
            Diagnostics e;
            LocalSettings::parse("limits:\n  bodyTimeout: " + bad + "\n", tmp.path(), e);
            QCOMPARE(e.size(), 1);
            QVERIFY2(e.first().message.startsWith(QStringLiteral("bodyTimeout: \"")),
                     qPrintable(e.first().message));
            QCOMPARE(e.first().line, 2);
        }
    }
};

QTEST_GUILESS_MAIN(TestLocalSettings)
#include "tst_localsettings.moc"
