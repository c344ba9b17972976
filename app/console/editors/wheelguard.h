// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QObject>

namespace Airgate::Console {

/**
 * @brief Combo boxes and spin boxes change only when the user means it: they take focus by click
 * or Tab (Qt::StrongFocus), never by the wheel, and a wheel turned over one that has no focus
 * scrolls the form around it instead of changing its value (Qt Creator's pattern). Installed
 * once on the application, so every form and dialog behaves the same.
 */
class WheelGuard final : public QObject
{
    Q_OBJECT

public:
    /** Installs the guard on the application (once, however often it is called). */
    static void install();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    using QObject::QObject;
};

} // namespace Airgate::Console
