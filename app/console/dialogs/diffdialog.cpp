// SPDX-License-Identifier: Apache-2.0
#include "diffdialog.h"

#include "consoletr.h"
#include "gitops/diffreport.h"
#include "gitops/gitrepository.h"
#include "gitops/normalize.h"
#include "models/workspacemodel.h"
#include "services/gatewaysupervisor.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileInfo>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonObject>
#include <QLabel>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QStandardItemModel>
#include <QSyntaxHighlighter>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Airgate::Console {

namespace {

/// How long the gateway's admin API may take to send what it serves.
constexpr int kGatewayTimeoutMs = 10000;

/** Colours a unified diff: removed lines red, added green, hunks blue, field notes grey. */
class DiffHighlighter final : public QSyntaxHighlighter
{
public:
    using QSyntaxHighlighter::QSyntaxHighlighter;

protected:
    void highlightBlock(const QString &text) override
    {
        QColor c;
        if (text.startsWith(QLatin1StringView("+++")) || text.startsWith(QLatin1StringView("---"))
            || text.startsWith(QLatin1StringView("diff ")))
            c = QColor(0x55, 0x55, 0x55);
        else if (text.startsWith(u'+'))
            c = QColor(0x1a, 0x7f, 0x37);
        else if (text.startsWith(u'-'))
            c = QColor(0xc0, 0x1c, 0x28);
        else if (text.startsWith(QLatin1StringView("@@")))
            c = QColor(0x1c, 0x71, 0xd8);
        else if (text.startsWith(u'#'))
            c = QColor(0x86, 0x5e, 0x3c);
        if (c.isValid())
            setFormat(0, int(text.size()), c);
    }
};

QString typeWord(GitOps::ResourceChange::Type t)
{
    switch (t) {
    case GitOps::ResourceChange::Type::Added:
        return Tr::tr("added");
    case GitOps::ResourceChange::Type::Removed:
        return Tr::tr("removed");
    case GitOps::ResourceChange::Type::Changed:
        break;
    }
    return Tr::tr("changed");
}

} // namespace

DiffDialog::DiffDialog(WorkspaceModel *model, GatewaySupervisor *gateway, QWidget *parent)
    : QDialog(parent)
    , m_model(model)
    , m_gateway(gateway)
    , m_against(new QComboBox(this))
    , m_refresh(new QPushButton(Tr::tr("&Refresh"), this))
    , m_summary(new QLabel(this))
    , m_changes(new QTreeWidget(this))
    , m_text(new QPlainTextEdit(this))
    , m_net(new QNetworkAccessManager(this))
{
    setObjectName(QStringLiteral("diffDialog"));
    setWindowTitle(Tr::tr("Review changes"));
    resize(960, 600);
    m_against->setObjectName(QStringLiteral("diffAgainst"));
    m_against->addItem(Tr::tr("Files on disk (last saved)"), int(Against::Disk));
    m_against->addItem(Tr::tr("Git: HEAD (last commit)"), int(Against::GitHead));
    m_against->addItem(Tr::tr("What the running gateway serves"), int(Against::Gateway));
    if (m_model->isOpen()) {
        auto repo = GitOps::GitRepository::discover(m_model->root());
        if (!repo)
            m_gitProblem = repo.error().message;
    } else {
        m_gitProblem = Tr::tr("no workspace is open");
    }
    auto *items = qobject_cast<QStandardItemModel *>(m_against->model());
    for (int i = 0; i < m_against->count(); ++i) {
        const auto a = Against(m_against->itemData(i).toInt());
        if (!isAvailable(a)) {
            items->item(i)->setEnabled(false);
            items->item(i)->setToolTip(a == Against::GitHead
                                           ? Tr::tr("Not in a Git repository: %1").arg(m_gitProblem)
                                           : Tr::tr("The gateway is not running"));
        }
    }
    m_summary->setObjectName(QStringLiteral("diffSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_changes->setObjectName(QStringLiteral("diffChanges"));
    m_changes->setColumnCount(2);
    m_changes->setHeaderLabels({Tr::tr("Resource / field"), Tr::tr("Before → workspace")});
    m_changes->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_changes->setUniformRowHeights(true);
    m_text->setObjectName(QStringLiteral("diffText"));
    m_text->setReadOnly(true);
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    new DiffHighlighter(m_text->document());

    auto *top = new QHBoxLayout;
    top->addWidget(
        new QLabel(Tr::tr("Compare the workspace (unsaved edits included) with:"), this));
    top->addWidget(m_against, 1);
    top->addWidget(m_refresh);
    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(m_changes);
    split->addWidget(m_text);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_summary);
    layout->addWidget(split, 1);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_refresh, &QPushButton::clicked, this, &DiffDialog::refresh);
    connect(m_against, &QComboBox::currentIndexChanged, this, &DiffDialog::refresh);
    connect(m_changes, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *item) {
        while (item && item->parent())
            item = item->parent();
        showText(item ? item->data(0, Qt::UserRole).toInt() : -1);
    });
}

DiffDialog::~DiffDialog()
{
    if (m_pending)
        m_pending->abort();
}

DiffDialog *DiffDialog::open(WorkspaceModel *model, GatewaySupervisor *gateway, QWidget *parent,
                             const QString &folder, bool preferFolder)
{
    auto *d = new DiffDialog(model, gateway, parent);
    d->setAttribute(Qt::WA_DeleteOnClose);
    if (!folder.isEmpty())
        d->addFolder(folder, Tr::tr("The export folder %1").arg(folder));
    Against a = Against::Disk;
    if (preferFolder && d->isAvailable(Against::Folder))
        a = Against::Folder;
    else if (!model->isDirty() && d->isAvailable(Against::GitHead))
        a = Against::GitHead;
    d->compareWith(a);
    d->QDialog::open();
    return d;
}

void DiffDialog::addFolder(const QString &dir, const QString &label)
{
    m_folder = dir;
    m_against->addItem(label, int(Against::Folder));
    if (!isAvailable(Against::Folder)) {
        auto *items = qobject_cast<QStandardItemModel *>(m_against->model());
        items->item(m_against->count() - 1)->setEnabled(false);
        items->item(m_against->count() - 1)->setToolTip(Tr::tr("%1 does not exist yet").arg(dir));
    }
}

bool DiffDialog::isAvailable(Against against) const
{
    if (!m_model->isOpen())
        return false;
    switch (against) {
    case Against::Disk:
        return true;
    case Against::GitHead:
        return m_gitProblem.isEmpty();
    case Against::Gateway:
        return m_gateway && m_gateway->state() == GatewaySupervisor::State::Running
            && !m_gateway->readyInfo().value(QStringLiteral("admin")).toString().isEmpty();
    case Against::Folder:
        return !m_folder.isEmpty() && QFileInfo(m_folder).isDir();
    }
    return false;
}

void DiffDialog::compareWith(Against against)
{
    const int i = m_against->findData(int(against));
    if (i >= 0 && i != m_against->currentIndex())
        m_against->setCurrentIndex(i); // refreshes
    else
        refresh();
}

DiffDialog::Against DiffDialog::against() const
{
    return Against(m_against->currentData().toInt());
}

QString DiffDialog::summary() const
{
    return m_summary->text();
}

void DiffDialog::refresh()
{
    if (m_pending) {
        m_pending->abort();
        m_pending = nullptr;
    }
    m_error.clear();
    if (!m_model->isOpen())
        return fail(Tr::tr("No workspace is open."));
    m_model->commitPendingEdits();
    const Against a = against();
    if (!isAvailable(a))
        return fail(a == Against::GitHead
                        ? Tr::tr("Not in a Git repository: %1").arg(m_gitProblem)
                        : Tr::tr("%1 is not available.").arg(m_against->currentText()));
    const QString root = m_model->root();
    switch (a) {
    case Against::Disk: {
        auto ws = Workspace::load(root);
        if (!ws)
            return present(ws.error());
        return present(GitOps::workspaceManifests(*ws, Tr::tr("disk")));
    }
    case Against::GitHead:
        return present(GitOps::loadAgainst(QStringLiteral("git:HEAD"), root));
    case Against::Folder:
        return present(GitOps::loadAgainst(m_folder, root));
    case Against::Gateway:
        break;
    }
    // The gateway: its admin API serves the manifests of the configuration it runs.
    const QJsonObject ready = m_gateway->readyInfo();
    QFile tokenFile(ready.value(QStringLiteral("adminTokenFile")).toString());
    if (!tokenFile.open(QIODevice::ReadOnly))
        return fail(
            Tr::tr("The gateway's admin token cannot be read: %1").arg(tokenFile.errorString()));
    QNetworkRequest req(QUrl(QStringLiteral("http://%1/api/manifests")
                                 .arg(ready.value(QStringLiteral("admin")).toString())));
    req.setRawHeader("Authorization", "Bearer " + tokenFile.readAll().trimmed());
    req.setTransferTimeout(kGatewayTimeoutMs);
    m_summary->setText(Tr::tr("Asking the gateway…"));
    QNetworkReply *reply = m_net->get(req);
    m_pending = reply;
    connect(reply, &QNetworkReply::finished, this, [this, reply] {
        reply->deleteLater();
        if (reply != m_pending)
            return;
        m_pending = nullptr;
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status != 200)
            return fail(status == 0
                            ? Tr::tr("The gateway's admin API: %1").arg(reply->errorString())
                            : Tr::tr("The gateway's admin API answered %1").arg(status));
        QString served;
        auto set = GitOps::servedManifests(reply->readAll(), QStringLiteral("gateway"), &served);
        if (set)
            set->notes.prepend(Tr::tr("The gateway serves %1.").arg(served));
        present(set);
    });
}

void DiffDialog::fail(const QString &why)
{
    m_error = why;
    m_diff = {};
    m_changes->clear();
    m_text->setPlainText(QString());
    m_summary->setText(why);
    emit compared();
}

void DiffDialog::present(const Result<GitOps::ManifestSet> &before)
{
    if (!before)
        return fail(before.error().message);
    auto mine = GitOps::workspaceManifests(m_model->workspace(), QStringLiteral("workspace"));
    if (!mine)
        return fail(Tr::tr("The workspace does not parse: %1").arg(mine.error().message));
    m_error.clear();
    m_beforeLabel = before->label;
    m_diff = GitOps::diffObjects(before->objects, mine->objects);
    const int changed = m_diff.count(GitOps::ResourceChange::Type::Changed);
    const int added = m_diff.count(GitOps::ResourceChange::Type::Added);
    const int removed = m_diff.count(GitOps::ResourceChange::Type::Removed);
    QString text = m_diff.isEmpty()
        ? Tr::tr("No differences with %1 (%2 unchanged).").arg(m_beforeLabel).arg(m_diff.unchanged)
        : Tr::tr("Compared with %1: %2 changed, %3 added, %4 removed, %5 unchanged.")
              .arg(m_beforeLabel)
              .arg(changed)
              .arg(added)
              .arg(removed)
              .arg(m_diff.unchanged);
    const QStringList notes = before->notes + m_diff.notes;
    if (!notes.isEmpty())
        text += u'\n' + notes.join(u'\n');
    m_summary->setText(text);
    fillChanges();
    emit compared();
}

void DiffDialog::fillChanges()
{
    m_changes->clear();
    for (int i = 0; i < int(m_diff.changes.size()); ++i) {
        const GitOps::ResourceChange &c = m_diff.changes[size_t(i)];
        auto *top = new QTreeWidgetItem(m_changes);
        top->setText(0, typeWord(c.type) + u' ' + c.displayName());
        top->setText(1, c.file);
        top->setData(0, Qt::UserRole, i);
        const QColor colour = c.type == GitOps::ResourceChange::Type::Added
            ? QColor(0x1a, 0x7f, 0x37)
            : c.type == GitOps::ResourceChange::Type::Removed ? QColor(0xc0, 0x1c, 0x28)
                                                              : QColor(0xb3, 0x6b, 0x00);
        top->setForeground(0, colour);
        for (const GitOps::FieldChange &f : c.fields) {
            auto *child = new QTreeWidgetItem(top);
            child->setText(0, f.path);
            child->setText(1,
                           QStringLiteral("%1 → %2").arg(
                               f.before ? GitOps::shortText(f.before.get()) : Tr::tr("(none)"),
                               f.after ? GitOps::shortText(f.after.get()) : Tr::tr("(none)")));
            child->setToolTip(1, GitOps::describe(f));
        }
    }
    m_changes->expandAll();
    if (m_changes->topLevelItemCount() > 0)
        m_changes->setCurrentItem(m_changes->topLevelItem(0));
    else
        showText(-1);
}

void DiffDialog::showText(int resource)
{
    if (resource < 0 || resource >= int(m_diff.changes.size())) {
        m_text->setPlainText(QString());
        return;
    }
    GitOps::SemanticDiff one;
    one.changes.push_back(m_diff.changes[size_t(resource)]);
    m_text->setPlainText(QString::fromUtf8(GitOps::renderDiff(
        one, GitOps::DiffFormat::Unified, m_beforeLabel, QStringLiteral("workspace"))));
}

} // namespace Airgate::Console
