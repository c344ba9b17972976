// SPDX-License-Identifier: Apache-2.0
// The wizards: files land in the workspace layout's folders, the plan wizard refuses periods the
// CRD refuses, the subscription wizard, and the API wizard's airgate.yaml hint.
#include "consoletest.h"
#include "dialogs/wizards.h"
#include "models/templates.h"
#include "models/workspacemodel.h"
#include "yaml/nodepath.h"
#include "yaml/yamlemitter.h"

#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QTest>

using namespace Airgate;
using namespace Airgate::Console;

namespace {

/** The wizard's form (not a message box on top of it). */
QDialog *wizardForm(QWidget *m)
{
    return qobject_cast<QMessageBox *>(m) ? nullptr : qobject_cast<QDialog *>(m);
}

void setLine(QWidget *dialog, const QString &name, const QString &text)
{
    auto *e = dialog->findChild<QLineEdit *>(name);
    QVERIFY2(e, qPrintable(name));
    e->setText(text);
}

void clickOk(QWidget *dialog)
{
    dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
}

/** Runs crdcheck (the API server's view) on @p yaml; empty when it is not installed. */
QString crdcheck(const QByteArray &yaml, bool *valid)
{
    const QString dir = qEnvironmentVariable("AIRGATE_CRDCHECK_DIR");
    if (dir.isEmpty() || !QFileInfo::exists(dir + QStringLiteral("/node_modules")))
        return {};
    QTemporaryDir tmp;
    ConsoleTest::writeFile(tmp.path() + QStringLiteral("/r.yaml"), yaml);
    QProcess p;
    p.start(QStringLiteral("node"),
            {dir + QStringLiteral("/crdcheck.mjs"), QStringLiteral("--crds"),
             QStringLiteral(AIRGATE_SHARED_DIR "/crds"), tmp.path() + QStringLiteral("/r.yaml")});
    p.waitForFinished(60000);
    *valid = p.exitCode() == 0;
    return QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError());
}

} // namespace

class TestWizards : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { ConsoleTest::isolate(); }

    void filesLandInTheWorkspaceLayout()
    {
        // The example keeps apis/, plans/, portal/, consumers/ at the workspace's top, not under
        // a namespace folder.
        QString error;
        const WizardResult api = buildApi(
            {QStringLiteral("pets"), QStringLiteral("apps"), {}, {}, {}, {}, 80, true, {}}, &error);
        QVERIFY(error.isEmpty());
        QCOMPARE(api.resources.first().first, QStringLiteral("apis/pets.yaml"));
        QCOMPARE(buildPlan({QStringLiteral("gold"), QStringLiteral("apps"), {}, 0, {}, 0, {}})
                     .resources.first()
                     .first,
                 QStringLiteral("plans/gold.yaml"));
        QCOMPARE(buildApplication({QStringLiteral("mobile"), QStringLiteral("apps"), {}, false, {}})
                     .resources.first()
                     .first,
                 QStringLiteral("consumers/mobile.yaml"));
        QCOMPARE(buildPortal({QStringLiteral("partners"), QStringLiteral("apps"), {}, {}, {}, {}})
                     .resources.first()
                     .first,
                 QStringLiteral("portal/partners.yaml"));
        QCOMPARE(buildSubscription({QStringLiteral("s"),
                                    QStringLiteral("apps"),
                                    {QStringLiteral("a")},
                                    {QStringLiteral("b")},
                                    QStringLiteral("c")})
                     .resources.first()
                     .first,
                 QStringLiteral("consumers/s.yaml"));
        // "New resource" goes beside the workspace's resources of that kind.
        QCOMPARE(defaultFileFor(Kind::APIPlan, QStringLiteral("gold"),
                                QStringLiteral("catalogue/plans/standard.yaml")),
                 QStringLiteral("catalogue/plans/gold.yaml"));
        QCOMPARE(defaultFileFor(Kind::Middleware, QStringLiteral("strip")),
                 QStringLiteral("apis/strip.yaml"));
    }

    void planWizardRefusesPeriodsTheCrdRefuses()
    {
        PlanParams p {QStringLiteral("gold"), QStringLiteral("apps"),
                      QStringLiteral("Gold"), 10,
                      QStringLiteral("soon"), 0,
                      QStringLiteral("720h")};
        QVERIFY2(planProblem(p).contains(QStringLiteral("not a duration")),
                 qPrintable(planProblem(p)));
        p.ratePeriod = QStringLiteral("2h"); // the CRD: between 1s and 1h
        QVERIFY2(planProblem(p).contains(QStringLiteral("between 1s and 1h")),
                 qPrintable(planProblem(p)));
        p.ratePeriod = QStringLiteral("1m");
        p.quota = 100;
        p.quotaPeriod = QStringLiteral("10000h"); // between 1s and 9999h
        QVERIFY(planProblem(p).contains(QStringLiteral("9999h")));
        p.quotaPeriod = QStringLiteral("1d"); // the API server's duration syntax allows days
        QVERIFY2(planProblem(p).isEmpty(), qPrintable(planProblem(p)));

        // The API server agrees: `soon` is refused there too.
        p.ratePeriod = QStringLiteral("soon");
        const Yaml::NodePtr plan = buildPlan(p).resources.first().second;
        bool valid = true;
        const QString out = crdcheck(QByteArray::fromStdString(Yaml::emitDocument(*plan)), &valid);
        if (!out.isEmpty())
            QVERIFY2(!valid, qPrintable(out));

        // Through the dialog: `soon` is refused with the reason over the dialog, which stays
        // open with what was typed (it does not vanish behind the warning).
        QString warning;
        bool stayed = false;
        ConsoleTest::onModal([&](QWidget *m) {
            QDialog *d = wizardForm(m);
            if (!d)
                return false;
            setLine(d, QStringLiteral("name"), QStringLiteral("gold"));
            setLine(d, QStringLiteral("ratePeriod"), QStringLiteral("soon"));
            ConsoleTest::onModal([&, d](QWidget *box) {
                auto *mb = qobject_cast<QMessageBox *>(box);
                if (!mb)
                    return false;
                warning = mb->text();
                stayed = d->isVisible()
                    && d->findChild<QLineEdit *>(QStringLiteral("name"))->text()
                        == QStringLiteral("gold");
                ConsoleTest::onModal([&](QWidget *again) {
                    QDialog *d2 = wizardForm(again);
                    if (!d2)
                        return false;
                    setLine(d2, QStringLiteral("ratePeriod"), QStringLiteral("10s"));
                    clickOk(d2);
                    return true;
                });
                mb->accept();
                return true;
            });
            clickOk(d);
            return true;
        });
        const auto r = runPlanWizard(nullptr, QStringLiteral("apps"));
        QVERIFY2(warning.contains(QStringLiteral("soon")), qPrintable(warning));
        QVERIFY(stayed);
        QVERIFY(r.has_value());
        QCOMPARE(QString::fromStdString(Yaml::Path::get(r->resources.first().second.get(),
                                                        QStringLiteral("spec.rateLimit.period"))
                                            ->value),
                 QStringLiteral("10s"));
    }

    void subscriptionWizardSubscribesApplicationsToApis()
    {
        QTemporaryDir tmp;
        WorkspaceModel m;
        QVERIFY(m.open(ConsoleTest::copyExample(tmp)));
        QVERIFY(!subscriptionProblem({QStringLiteral("s"),
                                      QStringLiteral("apps"),
                                      {},
                                      {QStringLiteral("weather-api")},
                                      QStringLiteral("standard-plan")})
                     .isEmpty());
        QString refused;
        ConsoleTest::onModal([&](QWidget *m) {
            QDialog *d = wizardForm(m);
            if (!d)
                return false;
            setLine(d, QStringLiteral("name"), QStringLiteral("mobile-weather"));
            auto *apps = d->findChild<QListWidget *>(QStringLiteral("applications"));
            auto *apis = d->findChild<QListWidget *>(QStringLiteral("apis"));
            auto *plan = d->findChild<QComboBox *>(QStringLiteral("plan"));
            [&] {
                QVERIFY(apps && apis && plan);
                QCOMPARE(apps->count(), 1);
                QCOMPARE(apps->item(0)->text(), QStringLiteral("partner-app"));
                QCOMPARE(apis->item(0)->text(), QStringLiteral("weather-api"));
                QCOMPARE(plan->currentText(), QStringLiteral("standard-plan"));
            }();
            // No application chosen: refused, and the dialog comes back.
            ConsoleTest::onModal([&](QWidget *box) {
                auto *mb = qobject_cast<QMessageBox *>(box);
                if (!mb)
                    return false;
                refused = mb->text();
                ConsoleTest::onModal([&](QWidget *again) {
                    QDialog *d2 = wizardForm(again);
                    if (!d2)
                        return false;
                    d2->findChild<QListWidget *>(QStringLiteral("applications"))
                        ->item(0)
                        ->setCheckState(Qt::Checked);
                    d2->findChild<QListWidget *>(QStringLiteral("apis"))
                        ->item(0)
                        ->setCheckState(Qt::Checked);
                    clickOk(d2);
                    return true;
                });
                mb->accept();
                return true;
            });
            clickOk(d);
            return true;
        });
        const auto r = runSubscriptionWizard(nullptr, QStringLiteral("apps"), &m);
        QVERIFY2(refused.contains(QStringLiteral("application")), qPrintable(refused));
        QVERIFY(r.has_value());
        for (const auto &[file, node] : r->resources)
            m.addResource(file, node);
        const QString key = QStringLiteral("ManagedSubscription|apps|mobile-weather");
        QCOMPARE(r->select, key);
        QCOMPARE(m.value(key, QStringLiteral("spec.managedApplications[0].name")).toString(),
                 QStringLiteral("partner-app"));
        QCOMPARE(m.value(key, QStringLiteral("spec.apis[0].name")).toString(),
                 QStringLiteral("weather-api"));
        QCOMPARE(m.value(key, QStringLiteral("spec.apiPlan.name")).toString(),
                 QStringLiteral("standard-plan"));
        QVERIFY(!m.has(key, QStringLiteral("spec.applications"))); // never the deprecated field
        QCOMPARE(m.resource(key)->source.file, QStringLiteral("consumers/mobile-weather.yaml"));
        for (const Diagnostic &d : m.diagnostics())
            QVERIFY2(!d.isError(), qPrintable(d.file + u':' + d.message));
    }

    void apiWizardHintNamesTheSpecsFile()
    {
        QTemporaryDir tmp;
        const QString ws = ConsoleTest::copyExample(tmp);
        ApiParams p;
        p.name = QStringLiteral("petstore-api");
        p.ns = QStringLiteral("apps");
        p.workspaceRoot = ws;
        // A document outside the workspace: copy it to specs/, and name that path.
        QTemporaryDir outside;
        QFile::copy(ConsoleTest::exampleDir() + QStringLiteral("/specs/weather.json"),
                    outside.path() + QStringLiteral("/petstore.json"));
        p.openApiFile = outside.path() + QStringLiteral("/petstore.json");
        QString error;
        WizardResult r = buildApi(p, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QString notes = r.notes.join(u'\n');
        QVERIFY2(notes.contains(QStringLiteral("apps/petstore-api: specs/petstore.json")),
                 qPrintable(notes));
        // One inside it: its own workspace-relative path.
        p.openApiFile = ws + QStringLiteral("/specs/weather.json");
        r = buildApi(p, &error);
        notes = r.notes.join(u'\n');
        QVERIFY2(notes.contains(QStringLiteral("apps/petstore-api: specs/weather.json")),
                 qPrintable(notes));
    }
};

QTEST_MAIN(TestWizards)
#include "tst_wizards.moc"
