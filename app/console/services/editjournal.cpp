// SPDX-License-Identifier: Apache-2.0
#include "editjournal.h"

#include "io/atomicfile.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>

namespace Airgate::Console {

EditJournal::EditJournal(const QString &workspaceRoot)
    : m_root(QDir(workspaceRoot).absolutePath())
{
    const QByteArray id
        = QCryptographicHash::hash(m_root.toUtf8(), QCryptographicHash::Sha256).toHex().left(16);
    m_dir = QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation)
        + QStringLiteral("/journal/") + QString::fromLatin1(id);
}

void EditJournal::record(const QList<QPair<QString, QByteArray>> &files)
{
    if (files.isEmpty()) {
        clear();
        return;
    }
    // Unsaved edits may hold what the workspace never shows others (a key title, a draft): the
    // folder is the user's alone (0700) before anything is written into it, each file 0600.
    const QString journalRoot = QFileInfo(m_dir).absolutePath();
    QDir().mkpath(m_dir);
    for (const QString &d : {journalRoot, m_dir})
        QFile::setPermissions(d, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    QJsonArray entries;
    for (int i = 0; i < files.size(); ++i) {
        const QString name = QStringLiteral("file-%1.yaml").arg(i);
        if (!Io::writeFileAtomically(m_dir + u'/' + name, files[i].second))
            return;
        QFile::setPermissions(m_dir + u'/' + name, QFile::ReadOwner | QFile::WriteOwner);
        entries.append(
            QJsonObject {{QStringLiteral("path"), files[i].first}, {QStringLiteral("data"), name}});
    }
    const QJsonObject index {
        {QStringLiteral("workspace"), m_root},
        {QStringLiteral("time"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)},
        {QStringLiteral("files"), entries}};
    // The index is written last: a crash before it leaves the previous journal whole.
    if (Io::writeFileAtomically(m_dir + QStringLiteral("/index.json"),
                                QJsonDocument(index).toJson()))
        QFile::setPermissions(m_dir + QStringLiteral("/index.json"),
                              QFile::ReadOwner | QFile::WriteOwner);
}

void EditJournal::clear()
{
    QDir(m_dir).removeRecursively();
}

bool EditJournal::exists() const
{
    return QFile::exists(m_dir + QStringLiteral("/index.json"));
}

QList<QPair<QString, QByteArray>> EditJournal::load() const
{
    QList<QPair<QString, QByteArray>> out;
    auto index = Io::readFile(m_dir + QStringLiteral("/index.json"));
    if (!index)
        return out;
    const QJsonObject o = QJsonDocument::fromJson(*index).object();
    if (o.value(QStringLiteral("workspace")).toString() != m_root)
        return out;
    for (const QJsonValue &v : o.value(QStringLiteral("files")).toArray()) {
        const QJsonObject e = v.toObject();
        auto data = Io::readFile(m_dir + u'/' + e.value(QStringLiteral("data")).toString());
        if (data)
            out.append({e.value(QStringLiteral("path")).toString(), *data});
    }
    return out;
}

QDateTime EditJournal::time() const
{
    auto index = Io::readFile(m_dir + QStringLiteral("/index.json"));
    if (!index)
        return {};
    return QDateTime::fromString(
        QJsonDocument::fromJson(*index).object().value(QStringLiteral("time")).toString(),
        Qt::ISODateWithMs);
}

} // namespace Airgate::Console
