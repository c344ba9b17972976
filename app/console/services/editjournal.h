// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QPair>
#include <QString>

namespace Airgate::Console {

/**
 * @brief The autosave journal: the text of every unsaved file, written after each edit to the
 * user's data folder (never into the workspace), so a crash or a kill loses no edit.
 */
class EditJournal
{
public:
    explicit EditJournal(const QString &workspaceRoot);

    /** Replaces the journal with these unsaved files (empty clears it). */
    void record(const QList<QPair<QString, QByteArray>> &files);
    void clear();
    bool exists() const;
    QList<QPair<QString, QByteArray>> load() const;
    QDateTime time() const;
    QString folder() const { return m_dir; }

private:
    QString m_dir;
    QString m_root;
};

} // namespace Airgate::Console
