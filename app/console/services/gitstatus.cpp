// SPDX-License-Identifier: Apache-2.0
#include "gitstatus.h"

#include "consoletr.h"
#include "models/resourcetreemodel.h"
#include "models/workspacemodel.h"

#include <QAbstractItemView>
#include <QGuiApplication>
#include <QHelpEvent>
#include <QToolTip>

namespace Airgate::Console {

GitStatusTracker::GitStatusTracker(WorkspaceModel *model, QObject *parent)
    : QObject(parent)
    , m_model(model)
{
    setObjectName(QStringLiteral("gitStatus"));
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(kDebounceMs);
    connect(&m_debounce, &QTimer::timeout, this, &GitStatusTracker::refresh);
    connect(m_model, &WorkspaceModel::workspaceOpened, this, &GitStatusTracker::refresh);
    // Saves and reloads are changes too (edits are cheap to re-check: libgit2 reads only stats).
    connect(m_model, &WorkspaceModel::changed, &m_debounce, qOverload<>(&QTimer::start));
    connect(m_model, &WorkspaceModel::externalChange, &m_debounce, qOverload<>(&QTimer::start));
    connect(qGuiApp, &QGuiApplication::applicationStateChanged, this,
            [this](Qt::ApplicationState s) {
                if (s == Qt::ApplicationActive)
                    m_debounce.start();
            });
}

void GitStatusTracker::refresh()
{
    m_status.clear();
    m_repository = false;
    if (m_model->isOpen()) {
        if (auto repo = GitOps::GitRepository::discover(m_model->root())) {
            m_repository = true;
            if (auto st = repo->status(m_model->root()))
                m_status = *st;
        }
    }
    emit refreshed();
}

GitOps::GitFileStatus GitStatusTracker::status(const QString &relPath) const
{
    return m_status.value(relPath, GitOps::GitFileStatus::Unmodified);
}

GitOps::GitFileStatus GitStatusTracker::statusOfResource(const QString &key) const
{
    const Resource *r = m_model->isOpen() ? m_model->resource(key) : nullptr;
    return r ? status(r->source.file) : GitOps::GitFileStatus::Unmodified;
}

GitStatusDelegate::GitStatusDelegate(GitStatusTracker *tracker, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_tracker(tracker)
{
    setObjectName(QStringLiteral("gitStatusDelegate"));
    // Repaint the tree when the status changes.
    if (auto *view = qobject_cast<QAbstractItemView *>(parent))
        connect(tracker, &GitStatusTracker::refreshed, view->viewport(),
                qOverload<>(&QWidget::update));
}

QString GitStatusDelegate::marker(const QModelIndex &index) const
{
    const QString key = index.data(ResourceTreeModel::KeyRole).toString();
    if (key.isEmpty())
        return {};
    switch (m_tracker->statusOfResource(key)) {
    case GitOps::GitFileStatus::Modified:
        return QStringLiteral("M");
    case GitOps::GitFileStatus::New:
        return QStringLiteral("N");
    case GitOps::GitFileStatus::Deleted:
    case GitOps::GitFileStatus::Unmodified:
        break;
    }
    return {};
}

void GitStatusDelegate::initStyleOption(QStyleOptionViewItem *option,
                                        const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    const QString m = marker(index);
    if (m.isEmpty())
        return;
    option->text += QStringLiteral("  ") + m;
    const QColor colour
        = m == QLatin1StringView("N") ? QColor(0x1a, 0x7f, 0x37) : QColor(0x9a, 0x67, 0x00);
    option->palette.setColor(QPalette::Text, colour);
    option->palette.setColor(QPalette::HighlightedText, colour.lighter(170));
}

bool GitStatusDelegate::helpEvent(QHelpEvent *event, QAbstractItemView *view,
                                  const QStyleOptionViewItem &option, const QModelIndex &index)
{
    const QString m = marker(index);
    if (event && event->type() == QEvent::ToolTip && !m.isEmpty()) {
        const QString tip = index.data(Qt::ToolTipRole).toString() + u'\n'
            + (m == QLatin1StringView("N") ? Tr::tr("Git: new, not committed yet")
                                           : Tr::tr("Git: modified since the last commit"));
        QToolTip::showText(event->globalPos(), tip, view);
        return true;
    }
    return QStyledItemDelegate::helpEvent(event, view, option, index);
}

} // namespace Airgate::Console
