// SPDX-License-Identifier: Apache-2.0
// Conformance: for every manifest under cases/, the `resource` verdict of the validator equals the
// verdict of the independent checker ../shared/tools/crdcheck (schema + CEL via ajv and
// @bufbuild/cel), and both equal the `# expect:` line the case was written with.
#include "model/workspace.h"
#include "validation/validator.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QSet>
#include <QTest>

using namespace Airgate;

namespace {

QString crdcheckDir()
{
    const QString env = qEnvironmentVariable("AIRGATE_CRDCHECK_DIR");
    return env.isEmpty() ? QStringLiteral(AIRGATE_BINARY_DIR "/crdcheck") : env;
}

QMap<QString, bool> expectations()
{
    QMap<QString, bool> out; // file name -> expected valid
    const QDir dir(QStringLiteral(AIRGATE_CONFORMANCE_DIR));
    for (const QString &f : dir.entryList({QStringLiteral("*.yaml")}, QDir::Files, QDir::Name)) {
        QFile file(dir.filePath(f));
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QByteArray first = file.readLine();
        out.insert(f, first.contains("expect: valid"));
    }
    return out;
}

} // namespace

class TestConformance final : public QObject
{
    Q_OBJECT

private slots:
    void suiteIsLargeAndBalanced()
    {
        const auto exp = expectations();
        QVERIFY2(exp.size() >= 150, qPrintable(QString::number(exp.size())));
        const auto valid = std::count(exp.cbegin(), exp.cend(), true);
        QVERIFY(valid >= 40);
        QVERIFY(exp.size() - valid >= 100);
    }

    void validatorMatchesExpectations()
    {
        const auto exp = expectations();
        auto ws = Workspace::load(QStringLiteral(AIRGATE_CONFORMANCE_DIR));
        QVERIFY(ws.ok());
        QCOMPARE(static_cast<qsizetype>(ws->resources().size()), exp.size());
        ValidationOptions o;
        for (const RuleInfo &r : Validator::rules())
            if (r.name != QLatin1StringView("resource") && r.name != QLatin1StringView("yaml"))
                o.disabledRules.insert(r.name);
        QSet<QString> invalid;
        for (const Diagnostic &d : Validator::validate(*ws, o))
            if (d.isError())
                invalid.insert(d.file);
        QStringList wrong;
        for (auto it = exp.cbegin(); it != exp.cend(); ++it)
            if (invalid.contains(it.key()) == it.value())
                wrong << it.key();
        QVERIFY2(wrong.isEmpty(),
                 qPrintable(QStringLiteral("validator disagrees with the expectation of: ")
                            + wrong.join(QStringLiteral(", "))));
    }

    void validatorAgreesWithCrdcheck()
    {
        const QString crds = QStringLiteral(AIRGATE_SHARED_DIR "/crds");
        const QString tool = crdcheckDir();
        if (!QDir(crds).exists())
            QSKIP("../shared/crds is not beside the project: the crdcheck comparison needs it");
        if (!QFile::exists(tool + QStringLiteral("/node_modules/ajv/package.json")))
            QSKIP("crdcheck is not installed in the build folder (./build.sh test installs it with "
                  "npm ci)");
        QProcess node;
        node.start(QStringLiteral("node"),
                   {tool + QStringLiteral("/crdcheck.mjs"), QStringLiteral("--crds"), crds,
                    QStringLiteral("--json"), QStringLiteral(AIRGATE_CONFORMANCE_DIR)});
        QVERIFY2(node.waitForFinished(120000), "crdcheck did not finish");
        const QJsonObject report = QJsonDocument::fromJson(node.readAllStandardOutput()).object();
        QVERIFY2(!report.isEmpty(), node.readAllStandardError().constData());
        QSet<QString> crdcheckInvalid;
        for (const QJsonValue &p : report.value(QStringLiteral("problems")).toArray())
            crdcheckInvalid.insert(
                QFileInfo(p.toObject().value(QStringLiteral("file")).toString()).fileName());

        auto ws = Workspace::load(QStringLiteral(AIRGATE_CONFORMANCE_DIR));
        ValidationOptions o;
        for (const RuleInfo &r : Validator::rules())
            if (r.name != QLatin1StringView("resource") && r.name != QLatin1StringView("yaml"))
                o.disabledRules.insert(r.name);
        QSet<QString> ourInvalid;
        for (const Diagnostic &d : Validator::validate(*ws, o))
            if (d.isError())
                ourInvalid.insert(d.file);

        const auto exp = expectations();
        QCOMPARE(report.value(QStringLiteral("documents")).toInt(), static_cast<int>(exp.size()));
        QStringList disagreements;
        for (auto it = exp.cbegin(); it != exp.cend(); ++it)
            if (ourInvalid.contains(it.key()) != crdcheckInvalid.contains(it.key()))
                disagreements << QStringLiteral("%1 (airgate: %2, crdcheck: %3)")
                                     .arg(it.key(),
                                          ourInvalid.contains(it.key()) ? QStringLiteral("invalid")
                                                                        : QStringLiteral("valid"),
                                          crdcheckInvalid.contains(it.key())
                                              ? QStringLiteral("invalid")
                                              : QStringLiteral("valid"));
        QVERIFY2(disagreements.isEmpty(), qPrintable(disagreements.join(u'\n')));
        qInfo("%lld manifests: airgate and crdcheck agree on every verdict (%d valid)",
              static_cast<long long>(exp.size()), report.value(QStringLiteral("valid")).toInt());
    }
};

QTEST_GUILESS_MAIN(TestConformance)
#include "tst_conformance.moc"
