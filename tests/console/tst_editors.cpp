// SPDX-License-Identifier: Apache-2.0
// The form and YAML editors: typed fields, enums, references with "Create…", lists, problems
// shown on the field as you type, the YAML view synced both ways with underlined diagnostics.
#include "consoletest.h"
#include "editors/formeditor.h"
#include "editors/yamleditor.h"
#include "models/templates.h"
#include "models/workspacemodel.h"
#include "yaml/yamlnode.h"

#include <QCheckBox>
#include <QComboBox>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>

using namespace Airgate;
using namespace Airgate::Console;

namespace {
const QString kPlan = QStringLiteral("APIPlan|apps|standard-plan");
const QString kApi = QStringLiteral("API|apps|weather-api");
const QString kSub = QStringLiteral("ManagedSubscription|apps|partner-subscription");
const QString kAuth = QStringLiteral("APIAuth|apps|default-auth");
} // namespace

class TestEditors : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    QString m_dir;

    template<typename W>
    W *field(FormEditor &f, const QString &path)
    {
        return qobject_cast<W *>(f.fieldWidget(path));
    }

    /** Lets the old form go (rebuilds delete it after the event). */
    static void flush() { QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete); }

private slots:
    void initTestCase()
    {
        ConsoleTest::isolate();
        m_dir = ConsoleTest::copyExample(m_tmp);
    }

    void typedFieldEditsTheModelAndShowsProblemsAsYouType()
    {
        WorkspaceModel m;
        QVERIFY(m.open(m_dir));
        FormEditor f(&m);
        f.setResource(kPlan);
        f.show();
        auto *period = field<QLineEdit>(f, QStringLiteral("spec.rateLimit.period"));
        QVERIFY(period);
        QCOMPARE(period->text(), QStringLiteral("1s"));
        period->selectAll();
        QTest::keyClicks(period, QStringLiteral("2h"));
        QCOMPARE(m.value(kPlan, QStringLiteral("spec.rateLimit.period")).toString(),
                 QStringLiteral("2h"));
        // The CEL rule's message sits under the field that broke it.
        QVERIFY(f.problemText(QStringLiteral("spec.rateLimit.period"))
                    .contains(QStringLiteral("must be between 1s and 1h")));
        // Typing on keeps focus in the same widget (the form is not rebuilt under the cursor).
        period = field<QLineEdit>(f, QStringLiteral("spec.rateLimit.period"));
        period->setFocus();
        period->selectAll();
        QTest::keyClicks(period, QStringLiteral("30s"));
        QVERIFY(f.problemText(QStringLiteral("spec.rateLimit.period")).isEmpty());
        // A malformed duration is reported as typed.
        period->selectAll();
        QTest::keyClicks(period, QStringLiteral("soon"));
        QVERIFY(!f.problemText(QStringLiteral("spec.rateLimit.period")).isEmpty());
        m.undoStack()->undo();
        QCOMPARE(m.value(kPlan, QStringLiteral("spec.rateLimit.period")).toString(),
                 QStringLiteral("1s"));
        QCOMPARE(field<QLineEdit>(f, QStringLiteral("spec.rateLimit.period"))->text(),
                 QStringLiteral("1s"));
    }

    void formEditsChangeOnlyTheEditedFieldOfAManifest()
    {
        QTemporaryDir tmp;
        const QString dir = ConsoleTest::copyExample(tmp);
        const QString file = dir + QStringLiteral("/plans/standard-plan.yaml");
        QByteArray text = ConsoleTest::readFile(file);
        // Comments inside the document, a blank line, an inline comment and an order kubectl
        // would not write: all of it must survive a form edit.
        text.replace("spec:\n  title: Standard Plan\n",
                     "spec:\n  # What consumers see in the portal.\n  title: Standard Plan\n\n");
        text.replace("  rateLimit:\n    limit: 100\n    period: 1s\n",
                     "  rateLimit:\n    period: 1s   # per second\n    limit: 100\n");
        text.replace(
            "metadata:\n  name: standard-plan\n  namespace: apps\n",
            "metadata:\n  namespace: apps # the team's namespace\n  name: standard-plan\n");
        ConsoleTest::writeFile(file, text);
        WorkspaceModel m;
        QVERIFY(m.open(dir));
        FormEditor f(&m);
        f.setResource(kPlan);
        f.show();
        auto *period = field<QLineEdit>(f, QStringLiteral("spec.rateLimit.period"));
        QVERIFY(period);
        period->setFocus();
        period->selectAll();
        QTest::keyClicks(period, QStringLiteral("10s"));
        m.commitPendingEdits();
        QByteArray want = text;
        want.replace("period: 1s   # per second", "period: 10s   # per second");
        QCOMPARE(
            QString::fromUtf8(m.fileText(QStringLiteral("plans/standard-plan.yaml"))).split(u'\n'),
            QString::fromUtf8(want).split(u'\n'));
        // An integer, a field removed and one added: each only its own line.
        m.setValue(kPlan, QStringLiteral("spec.quota.limit"), qint64(5000));
        want.replace("    limit: 1000\n", "    limit: 5000\n");
        QCOMPARE(m.fileText(QStringLiteral("plans/standard-plan.yaml")), want);
        m.removeField(kPlan, QStringLiteral("spec.description"));
        want.replace("  description: Standard access to APIs\n", "");
        QCOMPARE(m.fileText(QStringLiteral("plans/standard-plan.yaml")), want);
        m.setValue(kPlan, QStringLiteral("spec.rateLimit.bucket"), QStringLiteral("subscription"));
        want.replace("    limit: 100\n", "    limit: 100\n    bucket: subscription\n");
        QCOMPARE(m.fileText(QStringLiteral("plans/standard-plan.yaml")), want);
        QVERIFY(m.save());
        QCOMPARE(ConsoleTest::readFile(file), want);
    }

    void integerFieldWritesAnInteger()
    {
        WorkspaceModel m;
        QVERIFY(m.open(m_dir));
        FormEditor f(&m);
        f.setResource(kPlan);
        QWidget *w = f.fieldWidget(QStringLiteral("spec.quota.limit"));
        QVERIFY(w);
        if (auto *spin = qobject_cast<QAbstractSpinBox *>(w)) {
            spin->setFocus();
            spin->selectAll();
            QTest::keyClicks(spin, QStringLiteral("77"));
            QTest::keyClick(spin, Qt::Key_Enter);
        } else {
            auto *le = qobject_cast<QLineEdit *>(w);
            QVERIFY(le);
            le->selectAll();
            QTest::keyClicks(le, QStringLiteral("77"));
        }
        QCOMPARE(m.value(kPlan, QStringLiteral("spec.quota.limit")).toLongLong(), 77);
        QVERIFY(m.yaml(kPlan).contains(QStringLiteral("limit: 77")));
    }

    void enumIsAChoice()
    {
        WorkspaceModel m;
        QVERIFY(m.open(m_dir));
        FormEditor f(&m);
        f.setResource(kPlan);
        auto *bucket = field<QComboBox>(f, QStringLiteral("spec.rateLimit.bucket"));
        QVERIFY(bucket);
        QVERIFY(!bucket->isEditable());
        const int i = bucket->findText(QStringLiteral("subscription"));
        QVERIFY(i > 0);
        bucket->setCurrentIndex(i);
        emit bucket->activated(i);
        QCOMPARE(m.value(kPlan, QStringLiteral("spec.rateLimit.bucket")).toString(),
                 QStringLiteral("subscription"));
    }

    void referenceIsAPickListWithCreate()
    {
        WorkspaceModel m;
        QVERIFY(m.open(m_dir));
        FormEditor f(&m);
        f.setResource(kSub);
        auto *plan = field<QComboBox>(f, QStringLiteral("spec.apiPlan.name"));
        QVERIFY(plan);
        QVERIFY(plan->findText(QStringLiteral("standard-plan")) >= 0);
        QCOMPARE(plan->currentText(), QStringLiteral("standard-plan"));
        QSignalSpy create(&f, &FormEditor::createRequested);
        const int c = plan->count() - 1;
        QVERIFY(plan->itemText(c).contains(QStringLiteral("APIPlan")));
        emit plan->activated(c);
        QCOMPARE(create.size(), 1);
        QCOMPARE(create.first().at(0).value<Kind>(), Kind::APIPlan);
        QCOMPARE(create.first().at(2).toString(), QStringLiteral("spec.apiPlan.name"));
        // A dangling name typed in is a `reference` problem shown on the field.
        plan->lineEdit()->selectAll();
        QTest::keyClicks(plan->lineEdit(), QStringLiteral("gold"));
        QCOMPARE(m.value(kSub, QStringLiteral("spec.apiPlan.name")).toString(),
                 QStringLiteral("gold"));
        QVERIFY(!f.problemText(QStringLiteral("spec.apiPlan.name")).isEmpty());
    }

    void listItemsAddRemoveReorder()
    {
        WorkspaceModel m;
        QVERIFY(m.open(m_dir));
        FormEditor f(&m);
        f.setResource(kApi);
        const QString sets = QStringLiteral("spec.openApiSpec.operationSets");
        auto *down = f.findChild<QAbstractButton *>(sets + QStringLiteral("[0]#down"));
        QVERIFY(down);
        down->click();
        QCOMPARE(m.value(kApi, sets + QStringLiteral("[0].name")).toString(),
                 QStringLiteral("forecasts"));
        flush();
        auto *add = f.findChild<QAbstractButton *>(sets + QStringLiteral("#add"));
        QVERIFY(add);
        add->click();
        QCOMPARE(m.count(kApi, sets), 3);
        flush();
        auto *remove = f.findChild<QAbstractButton *>(sets + QStringLiteral("[2]#remove"));
        QVERIFY(remove);
        remove->click();
        QCOMPARE(m.count(kApi, sets), 2);
        flush();
        auto *up = f.findChild<QAbstractButton *>(sets + QStringLiteral("[1]#up"));
        QVERIFY(up);
        up->click();
        QCOMPARE(m.value(kApi, sets + QStringLiteral("[0].name")).toString(),
                 QStringLiteral("read-weather"));
        QCOMPARE(m.value(kApi, sets + QStringLiteral("[1].name")).toString(),
                 QStringLiteral("forecasts"));
    }

    void optionalSectionsSwitchOnAndOff()
    {
        WorkspaceModel m;
        QVERIFY(m.open(m_dir));
        FormEditor f(&m);
        f.setResource(kPlan);
        auto *quota = f.findChild<QGroupBox *>(QStringLiteral("spec.quota"));
        QVERIFY(quota);
        QVERIFY(quota->isChecked());
        quota->setChecked(false);
        QVERIFY(!m.has(kPlan, QStringLiteral("spec.quota")));
        m.undoStack()->undo();
        QVERIFY(m.has(kPlan, QStringLiteral("spec.quota.limit")));
    }

    void everyKindHasAForm()
    {
        WorkspaceModel m;
        QVERIFY(m.open(m_dir));
        for (const Kind k :
             {Kind::API, Kind::APIVersion, Kind::APIBundle, Kind::APIAuth, Kind::APIPortal,
              Kind::APIPortalAuth, Kind::APIPlan, Kind::APICatalogItem, Kind::ManagedApplication,
              Kind::ManagedSubscription, Kind::APIRateLimit, Kind::IngressRoute, Kind::Middleware,
              Kind::Secret, Kind::ConfigMap, Kind::Service})
            m.addResource(QStringLiteral("new/all.yaml"),
                          newResource(k, QStringLiteral("apps"),
                                      QStringLiteral("new-") + kindName(k).toLower()));
        FormEditor f(&m);
        f.show();
        for (const QString &key : m.resourceKeys()) {
            f.setResource(key);
            flush();
            auto *name = field<QLineEdit>(f, QStringLiteral("metadata.name"));
            QVERIFY2(name, qPrintable(key));
            QCOMPARE(name->text(), key.section(u'|', 2));
            // Every kind with a spec or data gets its typed section, not only the YAML view.
            QVERIFY2(
                f.findChild<QWidget *>(QStringLiteral("formBody"))->findChildren<QWidget *>().size()
                    > 8,
                qPrintable(key));
        }
        // New resources from the templates pass the schema.
        for (const Diagnostic &d : m.diagnostics())
            QVERIFY2(!(d.isError() && d.rule == QLatin1StringView("resource")
                       && d.file == QStringLiteral("new/all.yaml")),
                     qPrintable(d.kind + u' ' + d.message));
    }

    void yamlViewSyncsBothWaysAndUnderlinesProblems()
    {
        WorkspaceModel m;
        QVERIFY(m.open(m_dir));
        FormEditor f(&m);
        YamlEditor y(&m);
        f.setResource(kPlan);
        y.setResource(kPlan);
        y.show();
        // Form → YAML.
        auto *title = field<QLineEdit>(f, QStringLiteral("spec.title"));
        title->selectAll();
        QTest::keyClicks(title, QStringLiteral("Gold"));
        QVERIFY(y.editor()->toPlainText().contains(QStringLiteral("title: Gold")));
        // YAML → form, applied after the typing pause.
        QString text = y.editor()->toPlainText();
        text.replace(QStringLiteral("limit: 100"), QStringLiteral("limit: 5"));
        text.replace(QStringLiteral("period: 1s"), QStringLiteral("period: 3h"));
        y.editor()->setPlainText(text);
        QTRY_COMPARE_WITH_TIMEOUT(
            m.value(kPlan, QStringLiteral("spec.rateLimit.limit")).toLongLong(), 5, 3000);
        QCOMPARE(field<QLineEdit>(f, QStringLiteral("spec.rateLimit.limit"))
                     ? field<QLineEdit>(f, QStringLiteral("spec.rateLimit.limit"))->text()
                     : QStringLiteral("5"),
                 QStringLiteral("5"));
        // The period line carries the diagnostic underline.
        int periodLine = 0;
        const QStringList lines = y.editor()->toPlainText().split(u'\n');
        for (int i = 0; i < lines.size(); ++i)
            if (lines[i].contains(QStringLiteral("period: 3h")))
                periodLine = i + 1;
        QVERIFY(periodLine > 0);
        QTRY_VERIFY(y.problemLines().contains(periodLine));
        // Text that does not parse is not applied, and the model keeps the last good state.
        y.editor()->setPlainText(QStringLiteral("spec: [unclosed\n"));
        QTest::qWait(YamlEditor::kApplyDelayMs + 200);
        QCOMPARE(m.value(kPlan, QStringLiteral("spec.rateLimit.limit")).toLongLong(), 5);
    }

    void yamlViewNumbersLinesAsInTheFile()
    {
        WorkspaceModel m;
        QVERIFY(m.open(m_dir));
        YamlEditor y(&m);
        y.resize(600, 400);
        y.show();
        QVERIFY(QTest::qWaitForWindowExposed(&y));
        // The catalogue item is the second document of plans/standard-plan.yaml.
        const QString item = QStringLiteral("APICatalogItem|apps|standard-plan");
        y.setResource(item);
        const int first = m.yamlFirstLine(item);
        QVERIFY(first > 10);
        CodeEdit *edit = y.codeEdit();
        QCOMPARE(edit->firstLineNumber(), first);
        QVERIFY(edit->lineNumberArea()->isVisible());
        QVERIFY(edit->lineNumberArea()->width() >= edit->fontMetrics().horizontalAdvance(u'9') * 2);
        const QList<int> numbers = edit->visibleLineNumbers();
        QVERIFY(numbers.size() >= 5);
        QCOMPARE(numbers.first(), first);
        QCOMPARE(numbers[1], first + 1);
        // The file's line of `apiPlan:` is the number beside it.
        const QStringList file
            = QString::fromUtf8(m.fileText(QStringLiteral("plans/standard-plan.yaml")))
                  .split(u'\n');
        const int inView = static_cast<int>(
            y.editor()->toPlainText().split(u'\n').indexOf(QStringLiteral("  apiPlan:")));
        QVERIFY(inView > 0);
        QCOMPARE(file.indexOf(QStringLiteral("  apiPlan:")) + 1, first + inView);
        // Another resource starts at its own line.
        y.setResource(kPlan);
        QCOMPARE(edit->firstLineNumber(), m.yamlFirstLine(kPlan));
    }

    void deprecatedFieldsAreOfferedOnlyWhereUsedAndMarked()
    {
        WorkspaceModel m;
        QVERIFY(m.open(m_dir));
        FormEditor f(&m);
        f.setResource(kSub);
        // `applications` is deprecated for `managedApplications`: not offered beside it…
        QVERIFY(f.fieldWidget(QStringLiteral("spec.managedApplications")));
        QVERIFY(!f.fieldWidget(QStringLiteral("spec.applications")));
        QVERIFY(!f.findChild<QGroupBox *>(QStringLiteral("spec.applications")));
        // …but a resource that still uses it shows it, marked.
        auto item = Yaml::Node::makeMap();
        item->set("appId", Yaml::Node::makeString("legacy-app"));
        auto list = Yaml::Node::makeSequence();
        list->items.push_back(item);
        m.setNode(kSub, QStringLiteral("spec.applications"), list, QStringLiteral("legacy"));
        flush();
        auto *box = f.findChild<QGroupBox *>(QStringLiteral("spec.applications"));
        QVERIFY(box);
        QVERIFY2(box->title().contains(QStringLiteral("deprecated")), qPrintable(box->title()));
    }

    void createEntryHasNoMissingGlyph()
    {
        WorkspaceModel m;
        QVERIFY(m.open(m_dir));
        FormEditor f(&m);
        f.setResource(kSub);
        auto *plan = field<QComboBox>(f, QStringLiteral("spec.apiPlan.name"));
        QVERIFY(plan);
        const int c = plan->findData(QStringLiteral("#create"));
        QVERIFY(c >= 0);
        const QString text = plan->itemText(c);
        QVERIFY2(text.startsWith(QStringLiteral("Create APIPlan")), qPrintable(text));
        // Every character has a glyph in the font the list is drawn with: no tofu box.
        const QFontMetrics fm(plan->font());
        for (const char32_t ch : text.toUcs4())
            QVERIFY2(fm.inFontUcs4(ch),
                     qPrintable(QStringLiteral("U+%1 has no glyph")
                                    .arg(static_cast<uint>(ch), 4, 16, QLatin1Char('0'))));
        QVERIFY(!plan->itemIcon(c).isNull());
    }
};

QTEST_MAIN(TestEditors)
#include "tst_editors.moc"
