// SPDX-License-Identifier: Apache-2.0
#include "atomicfile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace Airgate::Io {

Status writeFileAtomically(const QString &path, const QByteArray &bytes)
{
    const QFileInfo info(path);
    if (!QDir().mkpath(info.absolutePath()))
        return makeError(Error::Code::Io,
                         QStringLiteral("cannot create folder %1").arg(info.absolutePath()));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return makeError(Error::Code::Io,
                         QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
    if (file.write(bytes) != bytes.size()) {
        const QString why = file.errorString();
        file.cancelWriting();
        return makeError(Error::Code::Io, QStringLiteral("cannot write %1: %2").arg(path, why));
    }
    if (!file.commit())
        return makeError(Error::Code::Io,
                         QStringLiteral("cannot replace %1: %2").arg(path, file.errorString()));
    return {};
}

Result<QByteArray> readFile(const QString &path, qint64 maxBytes)
{
    QFile f(path);
    if (!f.exists())
        return makeError(Error::Code::NotFound, QStringLiteral("%1: no such file").arg(path));
    if (!f.open(QIODevice::ReadOnly))
        return makeError(Error::Code::Io, QStringLiteral("%1: %2").arg(path, f.errorString()));
    if (f.size() > maxBytes)
        return makeError(Error::Code::Refused,
                         QStringLiteral("%1: file is %2 bytes, over the %3-byte limit")
                             .arg(path)
                             .arg(f.size())
                             .arg(maxBytes));
    QByteArray bytes = f.read(maxBytes + 1);
    if (bytes.size() > maxBytes)
        return makeError(
            Error::Code::Refused,
            QStringLiteral("%1: file grew over the %2-byte limit").arg(path).arg(maxBytes));
    return bytes;
}

} // namespace Airgate::Io
