// SPDX-License-Identifier: Apache-2.0
#include "editjournal.h"

#include "io/atomicfile.h"

#include <QCryptographicHash>
#include <QDir>
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
    QJsonArray entries;
    for (int i = 0; i < files.size(); ++i) {
        const QString name = QStringLiteral("file-%1.yaml").arg(i);
        if (!Io::writeFileAtomically(m_dir + u'/' + name, files[i].second))
            return;
        entries.append(
            QJsonObject {{QStringLiteral("path"), files[i].first}, {QStringLiteral("data"), name}});
    }
    const QJsonObject index {
        {QStringLiteral("workspace"), m_root},
        {QStringLiteral("time"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)},
        {QStringLiteral("files"), entries}};
    // The index is written last: a crash before it leaves the previous journal whole.
    (void)Io::writeFileAtomically(m_dir + QStringLiteral("/index.json"),
                                  QJsonDocument(index).toJson());
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
