// SPDX-License-Identifier: Apache-2.0
// Shared helpers for the console tests: a private copy of the example workspace and isolated
// settings, so no test reads or writes the user's own configuration.
#pragma once

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QStandardPaths>
#include <QString>
#include <QTemporaryDir>
#include <QTest>

namespace ConsoleTest {

inline QString exampleDir()
{
    return QStringLiteral(AIRGATE_SOURCE_DIR "/resources/examples/weather");
}

/** Copies the example workspace into @p dir; @return the copy's path. */
inline QString copyExample(const QTemporaryDir &dir)
{
    const QString dst = dir.path() + QStringLiteral("/weather");
    QDir src(exampleDir());
    QDirIterator it(exampleDir(), QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString f = it.next();
        const QString target = dst + u'/' + src.relativeFilePath(f);
        QDir().mkpath(QFileInfo(target).absolutePath());
        QFile::copy(f, target);
        QFile(target).setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    }
    return dst;
}

inline QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

inline void writeFile(const QString &path, const QByteArray &data)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(data);
}

/** Settings, journals and gateway state go to a private folder. */
inline void isolate()
{
    QStandardPaths::setTestModeEnabled(true);
    QDir(QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation))
        .removeRecursively();
}

} // namespace ConsoleTest
