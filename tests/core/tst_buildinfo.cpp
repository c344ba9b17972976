// SPDX-License-Identifier: Apache-2.0
// BuildInfo against the outside world: Git, pkg-config, the openssl tool and the CRD README.
#include "util/buildinfo.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>

using namespace Airgate;

namespace {

/** @return the trimmed stdout of a program, or a null string when it cannot run. */
QString output(const QString &program, const QStringList &args)
{
    QProcess p;
    p.start(program, args);
    if (!p.waitForFinished(30000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
        return {};
    return QString::fromUtf8(p.readAllStandardOutput()).trimmed();
}

} // namespace

class TestBuildInfo : public QObject
{
    Q_OBJECT

private slots:
    void versionIsTheProjectVersion()
    {
        QCOMPARE(BuildInfo::version(), QStringLiteral(AIRGATE_VERSION));
    }

    void gitCommitIsTheSourceTreeHead()
    {
        const QString head = output(QStringLiteral("git"),
                                    {QStringLiteral("-C"), QStringLiteral(AIRGATE_SOURCE_DIR),
                                     QStringLiteral("rev-parse"), QStringLiteral("HEAD")});
        if (head.isEmpty())
            QSKIP("the sources are not a Git checkout");
        const QString commit = BuildInfo::gitCommit();
        QVERIFY2(
            QRegularExpression(QStringLiteral("^[0-9a-f]{12}(-dirty)?$")).match(commit).hasMatch(),
            qPrintable(commit));
        QVERIFY2(head.startsWith(commit.left(12)), qPrintable(commit + u' ' + head));
    }

    void libraryVersionsAreTheInstalledOnes()
    {
        const QString yaml = output(QStringLiteral("pkg-config"),
                                    {QStringLiteral("--modversion"), QStringLiteral("yaml-0.1")});
        if (!yaml.isEmpty())
            QCOMPARE(BuildInfo::libyamlVersion(), yaml);
        // `openssl version` prints "OpenSSL 3.0.x <date> (Library: OpenSSL 3.0.x <date>)".
        const QString ssl = output(QStringLiteral("openssl"), {QStringLiteral("version")});
        if (!ssl.isEmpty())
            QVERIFY2(ssl.contains(BuildInfo::opensslVersion()),
                     qPrintable(ssl + QStringLiteral(" / ") + BuildInfo::opensslVersion()));
        QCOMPARE(BuildInfo::qtRuntimeVersion(), QString::fromLatin1(qVersion()));
        QVERIFY(BuildInfo::qtBuildVersion().startsWith(QStringLiteral("6.")));
    }

    void crdVersionsAreTheOnesTheReadmeNames()
    {
        // resources/crds/README.md says where the embedded files come from; the two must agree.
        QFile readme(QStringLiteral(AIRGATE_SOURCE_DIR "/resources/crds/README.md"));
        QVERIFY(readme.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(readme.readAll()).simplified();
        QVERIFY2(text.contains(QStringLiteral("hub-crds v") + BuildInfo::hubCrdsVersion()),
                 qPrintable(BuildInfo::hubCrdsVersion()));
        QVERIFY2(text.contains(QStringLiteral("Traefik Proxy v") + BuildInfo::traefikCrdsVersion()),
                 qPrintable(BuildInfo::traefikCrdsVersion()));
        QVERIFY2(text.contains(QStringLiteral("Helm chart ") + BuildInfo::crdChartVersion()),
                 qPrintable(BuildInfo::crdChartVersion()));
    }

    void textHasOneAlignedLinePerFact()
    {
        const QStringList lines
            = BuildInfo::text(QStringLiteral("prog")).split(u'\n', Qt::SkipEmptyParts);
        const auto facts = BuildInfo::facts();
        QCOMPARE(lines.size(), facts.size());
        QCOMPARE(lines.first(), QStringLiteral("prog ") + BuildInfo::version());
        const qsizetype column = lines.at(1).indexOf(BuildInfo::gitCommit());
        QVERIFY(column > 0);
        for (qsizetype i = 1; i < facts.size(); ++i) {
            QVERIFY2(lines.at(i).startsWith(facts.at(i).first + u':'), qPrintable(lines.at(i)));
            QCOMPARE(lines.at(i).indexOf(facts.at(i).second), column);
        }
    }
};

QTEST_GUILESS_MAIN(TestBuildInfo)
#include "tst_buildinfo.moc"
