// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QCoreApplication>
#include <QLocale>

namespace Airgate::Console {

/** @brief One translation context for the whole console, stable when classes are renamed. */
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Console)
};

/**
 * Installs the console's catalogues on the application: the English plural forms ("1 error",
 * "2 errors") always, then @p locale's language (German, French) over them, and Qt's own.
 * The catalogues are resources of the airgate_i18n library, which the application links.
 */
void installTranslations(const QLocale &locale);

} // namespace Airgate::Console
