// SPDX-License-Identifier: Apache-2.0
#include "consoletr.h"

#include <QLibraryInfo>
#include <QTranslator>

namespace Airgate::Console {

void installTranslations(const QLocale &locale)
{
    // Later translators are searched first: English plurals are the fallback under the others.
    auto *plurals = new QTranslator(qApp);
    if (plurals->load(QStringLiteral(":/i18n/airgate_en.qm")))
        QCoreApplication::installTranslator(plurals);
    auto *qt = new QTranslator(qApp);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    auto *own = new QTranslator(qApp);
    if (locale.language() != QLocale::English
        && own->load(locale, QStringLiteral("airgate"), QStringLiteral("_"),
                     QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(own);
}

} // namespace Airgate::Console
