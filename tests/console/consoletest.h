// SPDX-License-Identifier: Apache-2.0
// Shared helpers for the console tests: a private copy of the example workspace and isolated
// settings, so no test reads or writes the user's own configuration.
#pragma once

#include <QAbstractButton>
#include <QApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QStandardPaths>
#include <QString>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <functional>

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

/**
 * Answers the next modal dialog (a QMessageBox's exec() runs its own event loop): @p handle is
 * called with it and returns whether it dealt with it. Polls, so it also catches dialogs opened
 * from a queued call.
 */
inline void onModal(std::function<bool(QWidget *)> handle)
{
    auto *timer = new QTimer(qApp);
    timer->setInterval(20);
    QObject::connect(timer, &QTimer::timeout, timer, [timer, handle] {
        if (QWidget *m = QApplication::activeModalWidget(); m && handle(m)) {
            timer->stop();
            timer->deleteLater();
        }
    });
    timer->start();
}

/** Clicks the button of the next modal dialog whose text contains @p buttonText; the dialog's
 * text goes to @p seen when given. */
inline void clickInModal(const QString &buttonText, QString *seen = nullptr)
{
    onModal([buttonText, seen](QWidget *m) {
        for (QAbstractButton *b : m->findChildren<QAbstractButton *>()) {
            if (b->text().remove(u'&').contains(buttonText)) {
                if (seen) {
                    QStringList texts;
                    for (QObject *o : m->findChildren<QObject *>())
                        if (const QVariant t = o->property("text"); t.isValid())
                            texts << t.toString();
                    *seen = texts.join(u'\n');
                }
                b->click();
                return true;
            }
        }
        return false;
    });
}

} // namespace ConsoleTest
