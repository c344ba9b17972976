// SPDX-License-Identifier: Apache-2.0
#include "formeditor.h"

#include "consoletr.h"
#include "model/resolver.h"
#include "models/references.h"
#include "models/workspacemodel.h"
#include "schema/formats.h"
#include "schema/schema.h"
#include "settingsform.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QScrollArea>
#include <QScrollBar>
#include <QStyle>
#include <QTimer>
#include <QToolButton>

namespace Airgate::Console {

namespace {

/** Whether the CRD marks a field deprecated ("Deprecated: Use ManagedApplications instead."). */
bool isDeprecated(const Schema::Node &s)
{
    const QString d = QString::fromStdString(s.description);
    return d.startsWith(QLatin1StringView("Deprecated:"))
        || d.contains(QLatin1StringView("\nDeprecated:"));
}

QString firstSentence(const std::string &description)
{
    QString d = QString::fromStdString(description).simplified();
    const qsizetype dot = d.indexOf(QStringLiteral(". "));
    return dot > 0 ? d.left(dot + 1) : d;
}

bool isMultiline(const QString &name)
{
    static const QStringList names {
        QStringLiteral("publicKey"),   QStringLiteral("jwksFile"),
        QStringLiteral("description"), QStringLiteral("notes"),
        QStringLiteral("claims"),      QStringLiteral("certificateAuthority")};
    return names.contains(name);
}

QToolButton *toolButton(QStyle::StandardPixmap icon, const QString &tip, QWidget *parent)
{
    auto *b = new QToolButton(parent);
    b->setIcon(QApplication::style()->standardIcon(icon));
    b->setToolTip(tip);
    b->setAutoRaise(true);
    return b;
}

QString schemaType(const Schema::Node &s)
{
    if (s.intOrString)
        return QStringLiteral("int-or-string");
    return QString::fromStdString(s.type);
}

} // namespace

FormEditor::FormEditor(WorkspaceModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
{
    m_layout = new QVBoxLayout(this);
    m_layout->setContentsMargins(0, 0, 0, 0);
    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("formScroll"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    m_layout->addWidget(scroll);
    connect(m_model, &WorkspaceModel::changed, this, [this] {
        if (m_key.isEmpty() || WorkspaceModel::isSettings(m_key))
            return; // the settings form follows airgate.yaml itself
        if (!m_model->resource(m_key)) {
            setResource(QString());
            return;
        }
        if (m_model->shape(m_key) != m_signature)
            rebuild();
        else
            refresh();
    });
    connect(m_model, &WorkspaceModel::diagnosticsChanged, this, &FormEditor::showProblems);
    // A field applied when it is left (the name, a map key) is applied now if it is being typed:
    // Ctrl+S, export or close right after typing must not leave it behind.
    connect(m_model, &WorkspaceModel::pendingEditsRequested, this, [this] {
        if (!m_body)
            return;
        // Typed, not yet left: isModified() is set by typing and cleared here, so a field is
        // finished once. Fields applied as typed ignore editingFinished.
        QList<QPointer<QLineEdit>> edits; // a rename rebuilds the form: guard each pointer
        for (QLineEdit *le : m_body->findChildren<QLineEdit *>())
            edits << le;
        for (const QPointer<QLineEdit> &le : std::as_const(edits)) {
            if (le && le->isModified()) {
                le->setModified(false);
                emit le->editingFinished();
            }
        }
    });
    connect(m_model, &WorkspaceModel::resourceRenamed, this,
            [this](const QString &from, const QString &to) {
                if (from == m_key) {
                    m_key = to;
                    rebuild();
                }
            });
}

SettingsForm *FormEditor::settingsForm() const
{
    return m_settings.data();
}

void FormEditor::setResource(const QString &key)
{
    m_key = key;
    rebuild();
}

QWidget *FormEditor::fieldWidget(const QString &fieldPath) const
{
    const auto it = m_bindings.constFind(fieldPath);
    return it == m_bindings.cend() ? nullptr : it->widget.data();
}

QString FormEditor::problemText(const QString &fieldPath) const
{
    const auto it = m_bindings.constFind(fieldPath);
    return it == m_bindings.cend() || !it->problem || it->problem->isHidden() ? QString()
                                                                              : it->problem->text();
}

bool FormEditor::focusField(const QString &fieldPath)
{
    QString path = fieldPath;
    while (!path.isEmpty()) {
        if (QWidget *w = fieldWidget(path)) {
            auto *scroll = findChild<QScrollArea *>(QStringLiteral("formScroll"));
            if (scroll)
                scroll->ensureWidgetVisible(w);
            w->setFocus(Qt::OtherFocusReason);
            return true;
        }
        const qsizetype dot = path.lastIndexOf(u'.');
        const qsizetype bracket = path.lastIndexOf(u'[');
        path = path.left(qMax(dot, bracket));
    }
    return false;
}

void FormEditor::rebuild()
{
    auto *scroll = findChild<QScrollArea *>(QStringLiteral("formScroll"));
    const int scrollPos = scroll->verticalScrollBar()->value();
    // Keep the focus (and the cursor) across a rebuild caused by the user's own typing.
    QString focusPath;
    int cursor = -1;
    if (QWidget *f = QApplication::focusWidget(); f && isAncestorOf(f)) {
        QWidget *w = f;
        while (w && !m_bindings.contains(w->objectName()))
            w = w->parentWidget();
        if (w) {
            focusPath = w->objectName();
            if (auto *le = qobject_cast<QLineEdit *>(f))
                cursor = le->cursorPosition();
        }
    }
    m_bindings.clear();
    // The old form may be running the very handler that caused this rebuild (a list's "remove"
    // button): it goes after the event, not now.
    if (QWidget *old = scroll->takeWidget()) {
        old->hide();
        old->deleteLater();
    }
    m_body = new QWidget;
    m_body->setObjectName(QStringLiteral("formBody"));
    auto *v = new QVBoxLayout(m_body);
    m_settings = nullptr;
    if (WorkspaceModel::isSettings(m_key) && m_model->isOpen()) {
        m_settings = new SettingsForm(m_model, m_body);
        v->addWidget(m_settings);
        scroll->setWidget(m_body);
        m_signature.clear();
        return;
    }
    const Resource *r = m_model->resource(m_key);
    if (!r) {
        auto *empty = new QLabel(Tr::tr("Select a resource in the workspace tree."), m_body);
        empty->setAlignment(Qt::AlignCenter);
        v->addWidget(empty);
        scroll->setWidget(m_body);
        m_signature.clear();
        return;
    }
    m_signature = m_model->shape(m_key);
    auto *title = new QLabel(QStringLiteral("<b>%1</b> &nbsp; <span style='color:gray'>%2</span>")
                                 .arg(r->kindName.toHtmlEscaped(), r->apiVersion.toHtmlEscaped()),
                             m_body);
    v->addWidget(title);
    auto *general = new QLabel(m_body);
    general->setObjectName(QStringLiteral("formProblems"));
    general->setWordWrap(true);
    general->setStyleSheet(QStringLiteral("color: #c01c28;"));
    general->hide();
    v->addWidget(general);

    auto *metaBox = new QGroupBox(Tr::tr("Metadata"), m_body);
    auto *metaForm = new QFormLayout(metaBox);
    metaForm->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    v->addWidget(metaBox);
    addMetadata(metaForm);

    const Schema::KindSchema *ks
        = Schema::Registry::builtin().find(r->apiVersion.toStdString(), r->kindName.toStdString());
    if (!ks) {
        auto *note
            = new QLabel(Tr::tr("Airgate has no schema for %1 (%2): edit it in the YAML view.")
                             .arg(r->kindName, r->apiVersion),
                         m_body);
        note->setWordWrap(true);
        v->addWidget(note);
    } else if (const Schema::Node *spec = ks->root->property("spec");
               spec && r->kind != Kind::Service) {
        auto *specBox = new QGroupBox(Tr::tr("Spec"), m_body);
        specBox->setObjectName(QStringLiteral("spec"));
        auto *specForm = new QFormLayout(specBox);
        specForm->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
        v->addWidget(specBox);
        m_bindings.insert(QStringLiteral("spec"),
                          Binding {specBox, nullptr, QStringLiteral("group")});
        buildObject(specForm, *spec, QStringLiteral("spec"), 1);
    } else {
        // Core kinds: their top-level fields (type, data, stringData, …).
        auto *box = new QGroupBox(Tr::tr("Content"), m_body);
        auto *form = new QFormLayout(box);
        form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
        v->addWidget(box);
        for (const auto &p : ks->root->properties) {
            if (p.first == "apiVersion" || p.first == "kind" || p.first == "metadata"
                || p.first == "status")
                continue;
            addField(form, QString::fromStdString(p.first), *p.second,
                     QString::fromStdString(p.first), false, 1);
        }
    }
    v->addStretch(1);
    scroll->setWidget(m_body);
    refresh();
    showProblems();
    scroll->verticalScrollBar()->setValue(scrollPos);
    if (!focusPath.isEmpty()) {
        if (QWidget *w = fieldWidget(focusPath)) {
            QWidget *target = w;
            if (auto *combo = qobject_cast<QComboBox *>(w); combo && combo->lineEdit())
                target = combo->lineEdit();
            target->setFocus(Qt::OtherFocusReason);
            if (auto *le = qobject_cast<QLineEdit *>(target); le && cursor >= 0)
                le->setCursorPosition(qMin(cursor, static_cast<int>(le->text().size())));
        }
    }
}

void FormEditor::bind(const QString &path, QWidget *w, const QString &type, QFormLayout *form,
                      const QString &label)
{
    w->setObjectName(path);
    auto *problem = new QLabel(w->parentWidget());
    problem->setObjectName(path + QStringLiteral("#problem"));
    problem->setWordWrap(true);
    problem->setStyleSheet(QStringLiteral("color: #c01c28; font-size: small;"));
    problem->hide();
    if (form) {
        form->addRow(label, w);
        form->addRow(QString(), problem);
        // A hidden problem label must not leave an empty row behind.
        form->setRowVisible(problem, false);
    }
    m_bindings.insert(path, Binding {w, problem, type});
}

void FormEditor::addMetadata(QFormLayout *form)
{
    const Resource *r = m_model->resource(m_key);
    auto *name = new QLineEdit(form->parentWidget());
    bind(QStringLiteral("metadata.name"), name, QStringLiteral("string"), form, Tr::tr("Name *"));
    connect(name, &QLineEdit::editingFinished, this, [this, name] {
        // Renaming updates every reference to the resource: done when the user leaves the field.
        name->setModified(false); // finished: a pending-edits pass must not finish it again
        const Resource *cur = m_model->resource(m_key);
        if (!cur || name->text() == cur->name)
            return;
        if (name->text().isEmpty()) {
            // A required field emptied is an edit like any other: dirty, and its error shows.
            // References keep the old name until a new one is typed (then they follow it).
            const QString old = cur->name;
            m_model->setValue(m_key, QStringLiteral("metadata.name"), QVariant(QStringLiteral("")));
            m_clearedNames.insert(m_key, old);
            return;
        }
        const QString previous = cur->name.isEmpty() ? m_clearedNames.take(m_key) : QString();
        m_model->renameResource(m_key, name->text(), previous);
    });
    auto *ns = new QComboBox(form->parentWidget());
    ns->setEditable(true);
    ns->addItems(m_model->workspace().namespaces());
    bind(QStringLiteral("metadata.namespace"), ns, QStringLiteral("string"), form,
         Tr::tr("Namespace *"));
    connect(ns->lineEdit(), &QLineEdit::textEdited, this, [this](const QString &t) {
        if (!m_updating)
            m_model->setValue(m_key, QStringLiteral("metadata.namespace"),
                              t.isEmpty() ? QVariant() : QVariant(t));
    });
    if (r && r->kind == Kind::IngressRoute) {
        // The Hub binding of a route, chosen from what exists.
        auto *binding = new QComboBox(form->parentWidget());
        binding->addItem(Tr::tr("(plain route)"), QString());
        for (const QString &n : m_model->names(Kind::API, r->ns))
            binding->addItem(Tr::tr("API %1").arg(n),
                             QString(kApiAnnotation + u'=' + n + u'@' + r->ns));
        for (const QString &n : m_model->names(Kind::APIVersion, r->ns))
            binding->addItem(Tr::tr("API version %1").arg(n),
                             QString(kApiVersionAnnotation + u'=' + n + u'@' + r->ns));
        for (const QString &n : m_model->names(Kind::APIPortal, r->ns))
            binding->addItem(Tr::tr("Portal %1").arg(n),
                             QString(kApiPortalAnnotation + u'=' + n + u'@' + r->ns));
        bind(QStringLiteral("#binding"), binding, QStringLiteral("binding"), form,
             Tr::tr("Exposes"));
        connect(binding, &QComboBox::activated, this, [this, binding](int i) {
            if (m_updating)
                return;
            const QString key = m_key;
            for (const QString &a : {kApiAnnotation, kApiVersionAnnotation, kApiPortalAnnotation})
                if (m_model->has(key, QStringLiteral("metadata.annotations[%1]").arg(a)))
                    m_model->removeMapEntry(key, QStringLiteral("metadata.annotations"), a);
            const QString data = binding->itemData(i).toString();
            if (!data.isEmpty())
                m_model->setMapEntry(key, QStringLiteral("metadata.annotations"),
                                     data.section(u'=', 0, 0), data.section(u'=', 1));
        });
    }
    addMap(form, Tr::tr("Labels"), QStringLiteral("metadata.labels"));
    addMap(form, Tr::tr("Annotations"), QStringLiteral("metadata.annotations"));
}

void FormEditor::buildObject(QFormLayout *form, const Schema::Node &schema, const QString &path,
                             int depth)
{
    for (const auto &p : schema.properties) {
        const QString name = QString::fromStdString(p.first);
        const bool required = std::find(schema.required.begin(), schema.required.end(), p.first)
            != schema.required.end();
        const QString fieldPath = path.isEmpty() ? name : path + u'.' + name;
        // A deprecated field (ManagedSubscription's `applications` beside `managedApplications`)
        // is offered only where a resource still uses it, and then says so.
        if (isDeprecated(*p.second) && !required) {
            if (!m_model->has(m_key, fieldPath))
                continue;
            addField(form, Tr::tr("%1 (deprecated)").arg(name), *p.second, fieldPath, false, depth);
            continue;
        }
        addField(form, name, *p.second, fieldPath, required, depth);
    }
}

void FormEditor::addField(QFormLayout *form, const QString &label, const Schema::Node &schema,
                          const QString &path, bool required, int depth)
{
    const QString type = schemaType(schema);
    const QString shownLabel = required ? label + QStringLiteral(" *") : label;
    const QString tip = QString::fromStdString(schema.description);
    if (type == QLatin1StringView("array")) {
        addList(form, shownLabel, schema, path, depth);
        return;
    }
    if (type == QLatin1StringView("object") || (!schema.properties.empty() && type.isEmpty())) {
        if (schema.properties.empty() && schema.additionalProperties) {
            addMap(form, shownLabel, path);
            return;
        }
        const bool present = m_model->has(m_key, path);
        auto *box = new QGroupBox(shownLabel, form->parentWidget());
        box->setToolTip(tip);
        box->setCheckable(!required);
        box->setChecked(present || required);
        auto *inner = new QFormLayout(box);
        inner->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
        form->addRow(box);
        auto *problem = new QLabel(box);
        problem->setWordWrap(true);
        problem->setStyleSheet(QStringLiteral("color: #c01c28; font-size: small;"));
        problem->hide();
        inner->addRow(problem);
        box->setObjectName(path);
        m_bindings.insert(path, Binding {box, problem, QStringLiteral("group")});
        if (!required)
            connect(box, &QGroupBox::toggled, this, [this, path](bool on) {
                if (m_updating)
                    return;
                if (on)
                    m_model->setNode(m_key, path, Yaml::Node::makeMap(),
                                     Tr::tr("Add %1").arg(path));
                else
                    m_model->removeField(m_key, path);
            });
        // Content only for what exists: big CRDs (Middleware) stay light.
        if (present || required) {
            if (schema.properties.empty()) {
                auto *note = new QLabel(Tr::tr("Free-form: edit it in the YAML view."), box);
                inner->addRow(note);
            } else {
                buildObject(inner, schema, path, depth + 1);
            }
        }
        return;
    }
    QString widgetType;
    QWidget *w = scalarWidget(schema, path, label, widgetType);
    w->setToolTip(tip);
    if (auto *le = qobject_cast<QLineEdit *>(w); le && !tip.isEmpty())
        le->setPlaceholderText(firstSentence(schema.description).left(80));
    bind(path, w, widgetType, form, shownLabel);
}

QWidget *FormEditor::scalarWidget(const Schema::Node &schema, const QString &path,
                                  const QString &name, QString &type)
{
    const Resource *r = m_model->resource(m_key);
    QWidget *parent = m_body;
    const Kind refKind = r ? referencedKind(r->kind, path) : Kind::Unknown;
    if (refKind != Kind::Unknown) {
        type = QStringLiteral("reference");
        auto *combo = new QComboBox(parent);
        combo->setEditable(true);
        combo->setInsertPolicy(QComboBox::NoInsert);
        combo->addItems(m_model->names(refKind, r->ns));
        combo->insertSeparator(combo->count());
        // A standard icon, not a symbol character: not every font has a glyph for one.
        combo->addItem(QApplication::style()->standardIcon(QStyle::SP_FileDialogNewFolder),
                       Tr::tr("Create %1…").arg(kindName(refKind)), QStringLiteral("#create"));
        const QString ns = r->ns;
        connect(combo, &QComboBox::activated, this, [this, combo, refKind, ns, path](int i) {
            if (combo->itemData(i).toString() == QLatin1StringView("#create")) {
                combo->setEditText(m_model->value(m_key, path).toString());
                emit createRequested(refKind, ns, path);
                return;
            }
            if (!m_updating)
                m_model->setValue(m_key, path, combo->itemText(i));
        });
        connect(combo->lineEdit(), &QLineEdit::textEdited, this, [this, path](const QString &t) {
            if (!m_updating)
                m_model->setValue(m_key, path, t.isEmpty() ? QVariant() : QVariant(t));
        });
        return combo;
    }
    if (!schema.enumValues.empty()) {
        type = QStringLiteral("enum");
        auto *combo = new QComboBox(parent);
        combo->addItem(QString());
        for (const auto &e : schema.enumValues)
            combo->addItem(QString::fromStdString(e->value));
        connect(combo, &QComboBox::activated, this, [this, combo, path](int i) {
            if (!m_updating)
                m_model->setValue(m_key, path, i == 0 ? QVariant() : QVariant(combo->itemText(i)));
        });
        return combo;
    }
    const QString t = schemaType(schema);
    if (t == QLatin1StringView("boolean")) {
        type = QStringLiteral("boolean");
        auto *combo = new QComboBox(parent);
        combo->addItems({QString(), QStringLiteral("true"), QStringLiteral("false")});
        connect(combo, &QComboBox::activated, this, [this, path](int i) {
            if (!m_updating)
                m_model->setValue(m_key, path, i == 0 ? QVariant() : QVariant(i == 1));
        });
        return combo;
    }
    if (isMultiline(name)) {
        type = QStringLiteral("text");
        auto *edit = new QPlainTextEdit(parent);
        edit->setTabChangesFocus(true);
        edit->setFixedHeight(edit->fontMetrics().lineSpacing() * 4 + 12);
        connect(edit, &QPlainTextEdit::textChanged, this, [this, edit, path] {
            if (!m_updating)
                m_model->setValue(m_key, path,
                                  edit->toPlainText().isEmpty() ? QVariant()
                                                                : QVariant(edit->toPlainText()));
        });
        return edit;
    }
    auto *edit = new QLineEdit(parent);
    if (t == QLatin1StringView("integer")) {
        type = QStringLiteral("integer");
        edit->setValidator(new QRegularExpressionValidator(
            QRegularExpression(QStringLiteral("-?\\d{0,19}")), edit));
    } else if (t == QLatin1StringView("int-or-string")) {
        type = QStringLiteral("int-or-string");
    } else if (schema.format == "duration") {
        type = QStringLiteral("duration");
        edit->setPlaceholderText(Tr::tr("e.g. 30s, 5m, 1h30m, 1d"));
    } else {
        type = QStringLiteral("string");
    }
    const QString kind = type;
    connect(edit, &QLineEdit::textEdited, this, [this, edit, path, kind](const QString &text) {
        if (m_updating)
            return;
        if (kind == QLatin1StringView("duration")) {
            // Checked as typed, before any save or lint.
            const bool ok = text.isEmpty()
                || Formats::parseKubernetesDuration(text.toStdString()).has_value();
            edit->setStyleSheet(ok ? QString()
                                   : QStringLiteral("QLineEdit { border: 1px solid #c01c28; }"));
            edit->setToolTip(ok ? QString() : Tr::tr("not a duration: use 30s, 5m, 1h30m or 1d"));
        }
        QVariant v = text;
        bool isInt = false;
        const qlonglong n = text.toLongLong(&isInt);
        if (text.isEmpty())
            v = QVariant();
        else if ((kind == QLatin1StringView("integer")
                  || kind == QLatin1StringView("int-or-string"))
                 && isInt)
            v = static_cast<qint64>(n);
        m_model->setValue(m_key, path, v);
    });
    return edit;
}

void FormEditor::addList(QFormLayout *form, const QString &label, const Schema::Node &schema,
                         const QString &path, int depth)
{
    auto *box = new QGroupBox(label, form->parentWidget());
    box->setToolTip(QString::fromStdString(schema.description));
    box->setObjectName(path);
    auto *v = new QVBoxLayout(box);
    auto *problem = new QLabel(box);
    problem->setWordWrap(true);
    problem->setStyleSheet(QStringLiteral("color: #c01c28; font-size: small;"));
    problem->hide();
    v->addWidget(problem);
    form->addRow(box);
    m_bindings.insert(path, Binding {box, problem, QStringLiteral("group")});
    const int n = m_model->count(m_key, path);
    const Schema::Node *item = schema.items.get();
    const bool objects
        = item && (schemaType(*item) == QLatin1StringView("object") || !item->properties.empty());
    for (int i = 0; i < n; ++i) {
        const QString itemPath = path + QStringLiteral("[%1]").arg(i);
        auto *row = new QWidget(box);
        auto *h = new QHBoxLayout(row);
        h->setContentsMargins(0, 0, 0, 0);
        auto *up = toolButton(QStyle::SP_ArrowUp, Tr::tr("Move up"), row);
        auto *down = toolButton(QStyle::SP_ArrowDown, Tr::tr("Move down"), row);
        auto *del = toolButton(QStyle::SP_DialogDiscardButton, Tr::tr("Remove"), row);
        up->setObjectName(itemPath + QStringLiteral("#up"));
        down->setObjectName(itemPath + QStringLiteral("#down"));
        del->setObjectName(itemPath + QStringLiteral("#remove"));
        up->setEnabled(i > 0);
        down->setEnabled(i < n - 1);
        connect(up, &QToolButton::clicked, this,
                [this, path, i] { m_model->moveItem(m_key, path, i, i - 1); });
        connect(down, &QToolButton::clicked, this,
                [this, path, i] { m_model->moveItem(m_key, path, i, i + 1); });
        connect(del, &QToolButton::clicked, this,
                [this, path, i] { m_model->removeItem(m_key, path, i); });
        if (objects) {
            const QString summary
                = m_model->value(m_key, itemPath + QStringLiteral(".name")).toString();
            auto *sub = new QGroupBox(QStringLiteral("%1 %2").arg(i + 1).arg(summary), box);
            sub->setObjectName(itemPath);
            auto *subV = new QVBoxLayout(sub);
            auto *tools = new QHBoxLayout;
            tools->addStretch(1);
            tools->addWidget(up);
            tools->addWidget(down);
            tools->addWidget(del);
            subV->addLayout(tools);
            auto *subForm = new QFormLayout;
            subForm->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
            subV->addLayout(subForm);
            auto *itemProblem = new QLabel(sub);
            itemProblem->setWordWrap(true);
            itemProblem->setStyleSheet(QStringLiteral("color: #c01c28; font-size: small;"));
            itemProblem->hide();
            subForm->addRow(itemProblem);
            m_bindings.insert(itemPath, Binding {sub, itemProblem, QStringLiteral("group")});
            if (depth > 8 || item->properties.empty())
                subForm->addRow(new QLabel(Tr::tr("Edit this item in the YAML view."), sub));
            else
                buildObject(subForm, *item, itemPath, depth + 1);
            delete row;
            v->addWidget(sub);
        } else {
            QString type;
            QWidget *w = item ? scalarWidget(*item, itemPath, QString(), type) : new QLineEdit(row);
            w->setParent(row);
            h->addWidget(w, 1);
            h->addWidget(up);
            h->addWidget(down);
            h->addWidget(del);
            v->addWidget(row);
            bind(itemPath, w, type, nullptr, QString());
            auto *itemProblem = m_bindings[itemPath].problem.data();
            itemProblem->setParent(box);
            v->addWidget(itemProblem);
        }
    }
    auto *add = new QPushButton(QApplication::style()->standardIcon(QStyle::SP_FileDialogNewFolder),
                                Tr::tr("Add"), box);
    add->setObjectName(path + QStringLiteral("#add"));
    connect(add, &QPushButton::clicked, this, [this, path, objects] {
        m_model->appendItem(m_key, path,
                            objects ? Yaml::Node::makeMap() : Yaml::Node::makeString(""));
    });
    auto *addRow = new QHBoxLayout;
    addRow->addWidget(add);
    addRow->addStretch(1);
    v->addLayout(addRow);
}

void FormEditor::addMap(QFormLayout *form, const QString &label, const QString &path)
{
    auto *box = new QGroupBox(label, form->parentWidget());
    box->setObjectName(path);
    auto *grid = new QVBoxLayout(box);
    auto *problem = new QLabel(box);
    problem->setWordWrap(true);
    problem->setStyleSheet(QStringLiteral("color: #c01c28; font-size: small;"));
    problem->hide();
    grid->addWidget(problem);
    form->addRow(box);
    m_bindings.insert(path, Binding {box, problem, QStringLiteral("group")});
    for (const QString &k : m_model->mapKeys(m_key, path)) {
        const QString entryPath = path + u'[' + k + u']';
        auto *row = new QWidget(box);
        auto *h = new QHBoxLayout(row);
        h->setContentsMargins(0, 0, 0, 0);
        auto *keyEdit = new QLineEdit(k, row);
        keyEdit->setObjectName(entryPath + QStringLiteral("#key"));
        auto *valueEdit = new QLineEdit(row);
        auto *del = toolButton(QStyle::SP_DialogDiscardButton, Tr::tr("Remove"), row);
        del->setObjectName(entryPath + QStringLiteral("#remove"));
        h->addWidget(keyEdit, 2);
        h->addWidget(new QLabel(QStringLiteral("="), row));
        h->addWidget(valueEdit, 3);
        h->addWidget(del);
        grid->addWidget(row);
        bind(entryPath, valueEdit, QStringLiteral("mapvalue"), nullptr, QString());
        m_bindings[entryPath].problem->setParent(box);
        grid->addWidget(m_bindings[entryPath].problem);
        connect(keyEdit, &QLineEdit::editingFinished, this, [this, keyEdit, path, k] {
            keyEdit->setModified(false);
            if (!keyEdit->text().isEmpty() && keyEdit->text() != k)
                m_model->renameMapEntry(m_key, path, k, keyEdit->text());
        });
        connect(valueEdit, &QLineEdit::textEdited, this, [this, path, k](const QString &t) {
            if (!m_updating)
                m_model->setMapEntry(m_key, path, k, t);
        });
        connect(del, &QToolButton::clicked, this,
                [this, path, k] { m_model->removeMapEntry(m_key, path, k); });
    }
    auto *add = new QPushButton(Tr::tr("Add entry"), box);
    add->setObjectName(path + QStringLiteral("#add"));
    connect(add, &QPushButton::clicked, this, [this, path] {
        QString name = QStringLiteral("key");
        int i = 1;
        while (m_model->has(m_key, path + u'[' + name + u']'))
            name = QStringLiteral("key%1").arg(++i);
        m_model->setMapEntry(m_key, path, name, QString());
    });
    auto *addRow = new QHBoxLayout;
    addRow->addWidget(add);
    addRow->addStretch(1);
    grid->addLayout(addRow);
}

void FormEditor::setWidgetValue(const QString &path, const Binding &b)
{
    QWidget *w = b.widget;
    if (!w || w->hasFocus() || (w->focusProxy() && w->focusProxy()->hasFocus()))
        return;
    if (b.type == QLatin1StringView("binding")) {
        auto *combo = static_cast<QComboBox *>(w);
        const Resource *r = m_model->resource(m_key);
        int index = 0;
        for (int i = 1; i < combo->count() && r; ++i) {
            const QString data = combo->itemData(i).toString();
            const QString annotation = data.section(u'=', 0, 0);
            const AnnotationRef want = parseAnnotationRef(data.section(u'=', 1), r->ns);
            if (r->annotations.contains(annotation)) {
                const AnnotationRef have
                    = parseAnnotationRef(r->annotations.value(annotation), r->ns);
                if (have.name == want.name && have.ns == want.ns)
                    index = i;
            }
        }
        combo->setCurrentIndex(index);
        return;
    }
    const QVariant v = m_model->value(m_key, path);
    QString text = v.typeId() == QMetaType::Bool
        ? (v.toBool() ? QStringLiteral("true") : QStringLiteral("false"))
        : v.toString();
    if (auto *le = qobject_cast<QLineEdit *>(w)) {
        if (le->text() != text)
            le->setText(text);
    } else if (auto *combo = qobject_cast<QComboBox *>(w)) {
        if (combo->isEditable()) {
            if (combo->currentText() != text)
                combo->setEditText(text);
        } else {
            const int i = combo->findText(text);
            combo->setCurrentIndex(i < 0 ? 0 : i);
        }
    } else if (auto *pe = qobject_cast<QPlainTextEdit *>(w)) {
        if (pe->toPlainText() != text)
            pe->setPlainText(text);
    }
}

void FormEditor::refresh()
{
    m_updating = true;
    for (auto it = m_bindings.cbegin(); it != m_bindings.cend(); ++it)
        if (it->type != QLatin1StringView("group"))
            setWidgetValue(it.key(), it.value());
    m_updating = false;
}

void FormEditor::showProblems()
{
    if (m_key.isEmpty() || WorkspaceModel::isSettings(m_key))
        return;
    QHash<QString, QStringList> byPath;
    QStringList general;
    for (const Diagnostic &d : m_model->diagnosticsFor(m_key)) {
        if (d.severity == Diagnostic::Severity::Info)
            continue;
        QString path = d.field;
        // The closest field that has a widget: "spec.apis[0].name" → "spec.apis[0]" → "spec.apis".
        while (!path.isEmpty() && !m_bindings.contains(path)) {
            const qsizetype cut = qMax(path.lastIndexOf(u'.'), path.lastIndexOf(u'['));
            path = cut > 0 ? path.left(cut) : QString();
        }
        const QString text = (d.isError() ? QStringLiteral("✖ ") : QStringLiteral("⚠ ")) + d.message
            + (d.hint.isEmpty() ? QString() : QStringLiteral(" — ") + d.hint);
        if (path.isEmpty())
            general << text;
        else
            byPath[path] << text;
    }
    for (auto it = m_bindings.begin(); it != m_bindings.end(); ++it) {
        QLabel *label = it->problem;
        if (!label)
            continue;
        const QStringList msgs = byPath.value(it.key());
        label->setText(msgs.join(u'\n'));
        label->setVisible(!msgs.isEmpty());
        if (auto *form = qobject_cast<QFormLayout *>(
                label->parentWidget() ? label->parentWidget()->layout() : nullptr)) {
            if (form->indexOf(label) >= 0)
                form->setRowVisible(label, !msgs.isEmpty());
        }
        if (it->widget && it->type != QLatin1StringView("group")
            && it->type != QLatin1StringView("duration"))
            it->widget->setStyleSheet(
                msgs.isEmpty() ? QString() : QStringLiteral("border: 1px solid #c01c28;"));
    }
    if (auto *g = m_body ? m_body->findChild<QLabel *>(QStringLiteral("formProblems")) : nullptr) {
        g->setText(general.join(u'\n'));
        g->setVisible(!general.isEmpty());
    }
}

} // namespace Airgate::Console
