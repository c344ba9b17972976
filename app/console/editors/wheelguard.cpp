// SPDX-License-Identifier: Apache-2.0
#include "wheelguard.h"

#include <QAbstractSpinBox>
#include <QApplication>
#include <QComboBox>
#include <QEvent>

namespace Airgate::Console {

namespace {
bool guarded(QObject *o)
{
    return qobject_cast<QComboBox *>(o) || qobject_cast<QAbstractSpinBox *>(o);
}
} // namespace

void WheelGuard::install()
{
    static WheelGuard *guard = nullptr;
    if (guard || !qApp)
        return;
    guard = new WheelGuard(qApp);
    qApp->installEventFilter(guard);
}

bool WheelGuard::eventFilter(QObject *watched, QEvent *event)
{
    switch (event->type()) {
    case QEvent::Polish:
        // Before QApplication would focus it on a wheel turn (Qt::WheelFocus, the default).
        if (guarded(watched)) {
            auto *w = static_cast<QWidget *>(watched);
            if (w->focusPolicy() & Qt::WheelFocus)
                w->setFocusPolicy(Qt::StrongFocus);
        }
        break;
    case QEvent::Wheel:
        if (guarded(watched) && !static_cast<QWidget *>(watched)->hasFocus()) {
            // Ignored and filtered: the combo never sees it, its parents (the scroll area) do.
            event->ignore();
            return true;
        }
        break;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

} // namespace Airgate::Console
