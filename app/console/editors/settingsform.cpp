// SPDX-License-Identifier: Apache-2.0
#include "settingsform.h"

#include "consoletr.h"
#include "models/workspacemodel.h"
#include "yaml/yamlemitter.h"
#include "yaml/yamlparser.h"
#include "yaml/yamlpatch.h"

#include <QApplication>
#include <QGridLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace Airgate::Console {

namespace {

struct SectionInfo
{
    const char *key;
    const char *title;
    const char *keyHint;
    const char *valueHint;
    const char *tip;
};

// Titles and hints are translated where they are shown.
const SectionInfo kSections[] = {
    {"entryPoints", QT_TRANSLATE_NOOP("Console", "Entry points"), "web", "127.0.0.1:8800",
     QT_TRANSLATE_NOOP("Console",
                       "Where the gateway listens for each entry point the IngressRoutes name.")},
    {"services", QT_TRANSLATE_NOOP("Console", "Services"), "namespace/name:port",
     "http://127.0.0.1:9000 or {mock: specs/api.json}",
     QT_TRANSLATE_NOOP("Console",
                       "Where a Kubernetes Service the routes send to lives on this workstation: "
                       "a URL, or an OpenAPI document whose examples are served.")},
    {"specs", QT_TRANSLATE_NOOP("Console", "OpenAPI documents"), "namespace/api", "specs/api.json",
     QT_TRANSLATE_NOOP("Console",
                       "The OpenAPI document of an API, for the portal and request validation "
                       "(paths inside the workspace).")},
    {"portalPreview", QT_TRANSLATE_NOOP("Console", "Portal previews"), "namespace/portal",
     "127.0.0.1:8890", QT_TRANSLATE_NOOP("Console", "Where each portal's preview listens.")},
    {"jwks", QT_TRANSLATE_NOOP("Console", "Local JWKS copies"), "https://idp.example.com/jwks.json",
     "jwks/idp.json",
     QT_TRANSLATE_NOOP("Console",
                       "A local copy of an identity provider's keys, used instead of fetching "
                       "them.")},
    {"limits", QT_TRANSLATE_NOOP("Console", "Limits"), "maxBodyBytes", "8388608",
     QT_TRANSLATE_NOOP("Console",
                       "maxHeaderBytes, maxBodyBytes, maxConnections, headerTimeout, "
                       "idleTimeout, bodyTimeout.")},
};

QString q(const std::string &s)
{
    return QString::fromStdString(s);
}

/** A value as one line: a scalar as written, a map or list in flow style. */
QString flowText(const Yaml::Node *n)
{
    if (!n || n->isNull())
        return {};
    if (n->isScalar())
        return n->quoted && !Yaml::isPlainSafe(n->value) ? q(Yaml::emitScalarString(n->value))
                                                         : q(n->value);
    QStringList parts;
    if (n->isMap()) {
        for (const auto &e : n->entries)
            parts << q(e.key) + QStringLiteral(": ") + flowText(e.value.get());
        return u'{' + parts.join(QStringLiteral(", ")) + u'}';
    }
    for (const auto &i : n->items)
        parts << flowText(i.get());
    return u'[' + parts.join(QStringLiteral(", ")) + u']';
}

/** What a typed value means: YAML when it reads as YAML, else the text as a string. */
Yaml::NodePtr valueNode(const QString &text)
{
    const QByteArray bytes = text.trimmed().toUtf8();
    if (bytes.isEmpty())
        return Yaml::Node::makeNull();
    std::vector<Yaml::Problem> problems;
    Yaml::NodePtr n = Yaml::parseSingleDocument(
        std::string_view(bytes.constData(), static_cast<size_t>(bytes.size())), problems);
    for (const auto &p : problems)
        if (p.severity == Yaml::Problem::Severity::Error)
            return Yaml::Node::makeString(bytes.toStdString());
    return n ? n : Yaml::Node::makeNull();
}

/** The comment lines heading the file: kept when the form rewrites it. */
QByteArray leadingComments(const QByteArray &text)
{
    qsizetype end = 0;
    while (end < text.size()) {
        const qsizetype nl = text.indexOf('\n', end);
        const QByteArray line = text.mid(end, nl < 0 ? -1 : nl - end).trimmed();
        if (!line.isEmpty() && !line.startsWith('#'))
            break;
        end = nl < 0 ? text.size() : nl + 1;
    }
    return text.left(end);
}

Yaml::NodePtr parseText(const QByteArray &text, bool *ok)
{
    std::vector<Yaml::Problem> problems;
    Yaml::NodePtr root = Yaml::parseSingleDocument(
        std::string_view(text.constData(), static_cast<size_t>(text.size())), problems);
    *ok = true;
    for (const auto &p : problems)
        if (p.severity == Yaml::Problem::Severity::Error)
            *ok = false;
    if (*ok && root && !root->isNull() && !root->isMap())
        *ok = false;
    return root;
}

} // namespace

SettingsForm::SettingsForm(WorkspaceModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
{
    setObjectName(QStringLiteral("settingsForm"));
    m_layout = new QVBoxLayout(this);
    auto *title = new QLabel(
        QStringLiteral("<b>airgate.yaml</b> &nbsp; <span style='color:gray'>%1</span>")
            .arg(Tr::tr("local settings of this workstation: never exported").toHtmlEscaped()),
        this);
    m_layout->addWidget(title);
    m_problems = new QLabel(this);
    m_problems->setObjectName(QStringLiteral("settingsProblems"));
    m_problems->setWordWrap(true);
    m_problems->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_problems->setStyleSheet(QStringLiteral("color: #c01c28;"));
    m_problems->hide();
    m_layout->addWidget(m_problems);
    m_broken = new QLabel(
        Tr::tr("airgate.yaml does not read as settings: fix it in the YAML view (Alt+2), then "
               "edit it here."),
        this);
    m_broken->setObjectName(QStringLiteral("settingsBroken"));
    m_broken->setWordWrap(true);
    m_broken->hide();
    m_layout->addWidget(m_broken);
    m_apply.setSingleShot(true);
    m_apply.setInterval(kApplyDelayMs);
    connect(&m_apply, &QTimer::timeout, this, [this] {
        if (m_pending)
            emit m_pending->editingFinished();
    });
    connect(m_model, &WorkspaceModel::changed, this, &SettingsForm::sync);
    connect(m_model, &WorkspaceModel::diagnosticsChanged, this, &SettingsForm::showProblems);
    sync();
}

QStringList SettingsForm::sections()
{
    QStringList out;
    for (const SectionInfo &s : kSections)
        out << QString::fromLatin1(s.key);
    return out;
}

QString SettingsForm::signature() const
{
    bool ok = false;
    const Yaml::NodePtr root = parseText(m_model->settingsText(), &ok);
    if (!ok)
        return QStringLiteral("#broken");
    QString sig;
    for (const SectionInfo &s : kSections) {
        sig += QString::fromLatin1(s.key) + u'{';
        if (const Yaml::Node *sec = root ? root->get(s.key) : nullptr; sec && sec->isMap())
            for (const auto &e : sec->entries)
                sig += q(e.key) + u'\x1f';
        sig += u'}';
    }
    return sig;
}

void SettingsForm::sync()
{
    if (!m_model->isOpen())
        return;
    const QString sig = signature();
    if (sig != m_signature || !m_body)
        rebuild();
    else
        refresh();
    showProblems();
}

void SettingsForm::rebuild()
{
    m_signature = signature();
    // The old rows may be running the handler that caused this (a rename, a remove).
    if (m_body) {
        m_body->hide();
        m_body->deleteLater();
    }
    m_rows.clear();
    m_pending.clear();
    m_apply.stop();
    m_body = new QWidget(this);
    m_body->setObjectName(QStringLiteral("settingsBody"));
    auto *v = new QVBoxLayout(m_body);
    v->setContentsMargins(0, 0, 0, 0);
    m_layout->addWidget(m_body);
    bool ok = false;
    const Yaml::NodePtr root = parseText(m_model->settingsText(), &ok);
    m_broken->setVisible(!ok);
    m_body->setEnabled(ok);
    // Keys are shown whole (a service key such as apps/weather-app:8080 is long): every key
    // column as wide as the longest key or hint, within reason.
    int keyWidth = 0;
    for (const SectionInfo &info : kSections) {
        keyWidth = std::max(keyWidth,
                            fontMetrics().horizontalAdvance(QString::fromLatin1(info.keyHint)));
        if (const Yaml::Node *sec = ok && root ? root->get(info.key) : nullptr; sec && sec->isMap())
            for (const auto &e : sec->entries)
                keyWidth = std::max(keyWidth, fontMetrics().horizontalAdvance(q(e.key)));
    }
    keyWidth = std::min(keyWidth + 4 * fontMetrics().averageCharWidth(), 480);
    for (const SectionInfo &info : kSections) {
        const QString section = QString::fromLatin1(info.key);
        auto *box = new QGroupBox(Tr::tr(info.title), m_body);
        box->setObjectName(section);
        box->setToolTip(Tr::tr(info.tip));
        auto *grid = new QGridLayout(box);
        grid->setColumnStretch(1, 1);
        const Yaml::Node *sec = ok && root ? root->get(info.key) : nullptr;
        int gridRow = 0;
        if (sec && sec->isMap()) {
            for (const auto &e : sec->entries) {
                Row row;
                row.section = section;
                row.key = q(e.key);
                row.keyLine = e.keyMark.line;
                row.valueLine = e.value->mark.line;
                const QString id = section + u'[' + row.key + u']';
                row.keyEdit = new QLineEdit(row.key, box);
                row.keyEdit->setObjectName(id + QStringLiteral("#key"));
                row.keyEdit->setPlaceholderText(QString::fromLatin1(info.keyHint));
                row.keyEdit->setMinimumWidth(keyWidth);
                row.valueEdit = new QLineEdit(flowText(e.value.get()), box);
                row.valueEdit->setObjectName(id + QStringLiteral("#value"));
                row.valueEdit->setPlaceholderText(QString::fromLatin1(info.valueHint));
                auto *remove = new QToolButton(box);
                remove->setObjectName(id + QStringLiteral("#remove"));
                remove->setIcon(style()->standardIcon(QStyle::SP_DialogDiscardButton));
                remove->setToolTip(Tr::tr("Remove"));
                remove->setAutoRaise(true);
                row.problem = new QLabel(box);
                row.problem->setWordWrap(true);
                row.problem->setStyleSheet(QStringLiteral("color: #c01c28; font-size: small;"));
                row.problem->hide();
                grid->addWidget(row.keyEdit, gridRow, 0);
                grid->addWidget(row.valueEdit, gridRow, 1);
                grid->addWidget(remove, gridRow, 2);
                grid->addWidget(row.problem, gridRow + 1, 0, 1, 3);
                gridRow += 2;
                const QString key = row.key;
                QLineEdit *keyEdit = row.keyEdit;
                QLineEdit *valueEdit = row.valueEdit;
                // The key is applied when left (a rename); the value as it is typed.
                connect(keyEdit, &QLineEdit::editingFinished, this, [this, section, key, keyEdit] {
                    keyEdit->setModified(false);
                    applyKey(section, key, keyEdit->text().trimmed());
                });
                connect(valueEdit, &QLineEdit::textEdited, this, [this, valueEdit] {
                    m_pending = valueEdit;
                    m_apply.start();
                });
                connect(valueEdit, &QLineEdit::editingFinished, this,
                        [this, section, key, valueEdit] {
                            if (m_pending == valueEdit)
                                m_apply.stop();
                            valueEdit->setModified(false);
                            applyValue(section, key, valueEdit->text());
                        });
                connect(remove, &QToolButton::clicked, this,
                        [this, section, key] { removeRow(section, key); });
                m_rows << row;
            }
        }
        auto *add = new QPushButton(Tr::tr("Add"), box);
        add->setObjectName(section + QStringLiteral("#add"));
        connect(add, &QPushButton::clicked, this, [this, section] {
            const QString key = addRow(section);
            if (QLineEdit *e = keyEdit(section, key)) {
                e->setFocus(Qt::OtherFocusReason);
                e->selectAll();
            }
        });
        grid->addWidget(add, gridRow, 0, Qt::AlignLeft);
        v->addWidget(box);
    }
    v->addStretch(1);
}

void SettingsForm::refresh()
{
    bool ok = false;
    const Yaml::NodePtr root = parseText(m_model->settingsText(), &ok);
    if (!ok || !root)
        return;
    for (Row &row : m_rows) {
        const Yaml::Node *sec = root->get(row.section.toStdString());
        const Yaml::Node *value = sec ? sec->get(row.key.toStdString()) : nullptr;
        if (sec)
            for (const auto &e : sec->entries)
                if (q(e.key) == row.key) {
                    row.keyLine = e.keyMark.line;
                    row.valueLine = e.value->mark.line;
                }
        // What the user is typing stays as typed.
        if (row.valueEdit && !(row.valueEdit->hasFocus() && row.valueEdit->isModified())
            && m_pending != row.valueEdit)
            row.valueEdit->setText(flowText(value));
    }
}

void SettingsForm::showProblems()
{
    QStringList all;
    QHash<int, QStringList> byRow;
    const Diagnostics ds = m_model->diagnosticsFor(WorkspaceModel::kSettingsKey);
    // The row a problem belongs to: the last one starting at or before its line, when the
    // problem lies within that row's section.
    bool ok = false;
    const Yaml::NodePtr root = parseText(m_model->settingsText(), &ok);
    QList<QPair<int, QString>> sectionLines;
    if (ok && root)
        for (const auto &e : root->entries)
            sectionLines.append({e.keyMark.line, q(e.key)});
    for (const Diagnostic &d : ds) {
        if (d.severity == Diagnostic::Severity::Info)
            continue;
        all << QStringLiteral("%1:%2:%3: %4")
                   .arg(d.file)
                   .arg(d.line)
                   .arg(d.column)
                   .arg(d.hint.isEmpty() ? d.message : d.message + QStringLiteral(" — ") + d.hint);
        QString section;
        for (const auto &[line, name] : sectionLines)
            if (line <= d.line)
                section = name;
        int best = -1;
        for (int i = 0; i < m_rows.size(); ++i)
            if (m_rows[i].section == section && m_rows[i].keyLine <= d.line
                && (best < 0 || m_rows[i].keyLine >= m_rows[best].keyLine))
                best = i;
        if (best >= 0)
            byRow[best] << d.message;
    }
    m_problems->setText(all.join(u'\n'));
    m_problems->setVisible(!all.isEmpty());
    for (int i = 0; i < m_rows.size(); ++i) {
        const Row &row = m_rows[i];
        if (!row.problem)
            continue;
        const QStringList p = byRow.value(i);
        row.problem->setText(p.join(u'\n'));
        row.problem->setVisible(!p.isEmpty());
        const QString style
            = p.isEmpty() ? QString() : QStringLiteral("QLineEdit { border: 1px solid #c01c28; }");
        if (row.valueEdit)
            row.valueEdit->setStyleSheet(style);
    }
}

bool SettingsForm::edit(const std::function<void(Yaml::Node &)> &fn, const QString &mergeKey)
{
    const QByteArray text = m_model->settingsText();
    bool ok = false;
    Yaml::NodePtr root = parseText(text, &ok);
    if (!ok)
        return false;
    if (!root || root->isNull())
        root = Yaml::Node::makeMap();
    const Yaml::NodePtr before = root->clone();
    fn(*root);
    // Only the edited entry changes: every comment, blank line, key order and other value keeps
    // its bytes. A file the edit cannot be spliced into (empty, flow style) is written anew.
    const std::string_view source(text.constData(), static_cast<size_t>(text.size()));
    QByteArray out;
    if (const auto patched = Yaml::patchDocumentText(source, 0, source.size(), *before, *root)) {
        out = QByteArray::fromStdString(*patched);
    } else {
        Yaml::EmitOptions options;
        options.kubernetesKeyOrder = false;
        out = leadingComments(text) + QByteArray::fromStdString(Yaml::emitDocument(*root, options));
    }
    if (out != text)
        m_model->setSettingsText(out, mergeKey);
    return true;
}

void SettingsForm::applyValue(const QString &section, const QString &key, const QString &text)
{
    edit(
        [&](Yaml::Node &root) {
            Yaml::NodePtr sec = root.getPtr(section.toStdString());
            if (!sec || !sec->isMap()) {
                sec = Yaml::Node::makeMap();
                root.set(section.toStdString(), sec);
            }
            sec->set(key.toStdString(), valueNode(text));
        },
        QStringLiteral("#settings:%1[%2]").arg(section, key));
}

void SettingsForm::applyKey(const QString &section, const QString &from, const QString &to)
{
    if (to == from)
        return;
    if (to.isEmpty()) {
        // A key is needed: the old one comes back (removing is the × button).
        if (QLineEdit *e = keyEdit(section, from))
            e->setText(from);
        return;
    }
    edit(
        [&](Yaml::Node &root) {
            const Yaml::NodePtr sec = root.getPtr(section.toStdString());
            if (!sec || !sec->isMap() || sec->get(to.toStdString()))
                return; // a duplicate key is not made here
            for (auto &e : sec->entries)
                if (q(e.key) == from)
                    e.key = to.toStdString();
        },
        QString());
}

QString SettingsForm::addRow(const QString &section)
{
    QString key;
    edit(
        [&](Yaml::Node &root) {
            Yaml::NodePtr sec = root.getPtr(section.toStdString());
            if (!sec || !sec->isMap()) {
                sec = Yaml::Node::makeMap();
                root.set(section.toStdString(), sec);
            }
            key = QStringLiteral("new");
            for (int n = 2; sec->get(key.toStdString()); ++n)
                key = QStringLiteral("new-%1").arg(n);
            sec->set(key.toStdString(), Yaml::Node::makeNull());
        },
        QString());
    sync();
    return key;
}

void SettingsForm::removeRow(const QString &section, const QString &key)
{
    edit(
        [&](Yaml::Node &root) {
            if (const Yaml::NodePtr sec = root.getPtr(section.toStdString()); sec && sec->isMap())
                sec->remove(key.toStdString());
        },
        QString());
}

QLineEdit *SettingsForm::keyEdit(const QString &section, const QString &key) const
{
    for (const Row &r : m_rows)
        if (r.section == section && r.key == key)
            return r.keyEdit;
    return nullptr;
}

QLineEdit *SettingsForm::valueEdit(const QString &section, const QString &key) const
{
    for (const Row &r : m_rows)
        if (r.section == section && r.key == key)
            return r.valueEdit;
    return nullptr;
}

QString SettingsForm::rowProblem(const QString &section, const QString &key) const
{
    for (const Row &r : m_rows)
        if (r.section == section && r.key == key)
            return r.problem && !r.problem->isHidden() ? r.problem->text() : QString();
    return {};
}

QString SettingsForm::problemsText() const
{
    return m_problems->isHidden() ? QString() : m_problems->text();
}

bool SettingsForm::focusLine(int line)
{
    const Row *best = nullptr;
    for (const Row &r : m_rows)
        if (r.keyLine <= line && (!best || r.keyLine >= best->keyLine))
            best = &r;
    if (!best || !best->valueEdit)
        return false;
    best->valueEdit->setFocus(Qt::OtherFocusReason);
    return true;
}

} // namespace Airgate::Console
