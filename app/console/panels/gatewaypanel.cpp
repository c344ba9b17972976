// SPDX-License-Identifier: Apache-2.0
#include "gatewaypanel.h"

#include "consoletr.h"
#include "models/workspacemodel.h"
#include "services/keymanager.h"

#include <QComboBox>
#include <QDateTime>
#include <QDesktopServices>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPainter>
#include <QPainterPath>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSettings>
#include <QSplitter>
#include <QStyle>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QToolButton>
#include <QUrl>
#include <QVBoxLayout>

namespace Airgate::Console {

// ---------------------------------------------------------------- access log

int AccessLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int AccessLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : Count;
}

QVariant AccessLogModel::headerData(int section, Qt::Orientation o, int role) const
{
    if (o != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Time:
        return Tr::tr("Time");
    case Method:
        return Tr::tr("Method");
    case Host:
        return Tr::tr("Host");
    case Path:
        return Tr::tr("Path");
    case Status:
        return Tr::tr("Status");
    case Duration:
        return Tr::tr("ms");
    case Api:
        return Tr::tr("API");
    case Application:
        return Tr::tr("Application");
    case Plan:
        return Tr::tr("Plan");
    case Reason:
        return Tr::tr("Reason");
    default:
        return {};
    }
}

QVariant AccessLogModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const QJsonObject &e = m_rows[index.row()];
    const int status = e.value(QStringLiteral("status")).toInt();
    if (role == Qt::ForegroundRole && index.column() == Status) {
        if (status >= 500)
            return QColor(0xc0, 0x1c, 0x28);
        if (status >= 400)
            return QColor(0xb3, 0x6b, 0x00);
        return {};
    }
    if (role == Qt::UserRole)
        return status;
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case Time:
        return QDateTime::fromString(e.value(QStringLiteral("time")).toString(), Qt::ISODateWithMs)
            .toLocalTime()
            .toString(QStringLiteral("HH:mm:ss.zzz"));
    case Method:
        return e.value(QStringLiteral("method")).toString();
    case Host:
        return e.value(QStringLiteral("host")).toString();
    case Path:
        return e.value(QStringLiteral("path")).toString();
    case Status:
        return status;
    case Duration:
        return QString::number(e.value(QStringLiteral("durationMs")).toDouble(), 'f', 1);
    case Api:
        return e.value(QStringLiteral("api")).toString();
    case Application:
        return e.value(QStringLiteral("application")).toString();
    case Plan:
        return e.value(QStringLiteral("plan")).toString();
    case Reason:
        return e.value(QStringLiteral("reason")).toString();
    default:
        return {};
    }
}

void AccessLogModel::add(const QJsonObject &entry)
{
    beginInsertRows({}, 0, 0);
    m_rows.prepend(entry);
    endInsertRows();
    if (m_rows.size() > kMaxRows) {
        beginRemoveRows({}, kMaxRows, static_cast<int>(m_rows.size()) - 1);
        m_rows.resize(kMaxRows);
        endRemoveRows();
    }
}

void AccessLogModel::clear()
{
    beginResetModel();
    m_rows.clear();
    endResetModel();
}

void AccessLogFilter::setApi(const QString &api)
{
    m_api = api;
    invalidateFilter();
}

void AccessLogFilter::setApplication(const QString &app)
{
    m_app = app;
    invalidateFilter();
}

void AccessLogFilter::setStatusClass(int cls)
{
    m_class = cls;
    invalidateFilter();
}

bool AccessLogFilter::filterAcceptsRow(int row, const QModelIndex &) const
{
    const auto *m = static_cast<const AccessLogModel *>(sourceModel());
    const QJsonObject &e = m->entry(row);
    if (!m_api.isEmpty() && e.value(QStringLiteral("api")).toString() != m_api)
        return false;
    if (!m_app.isEmpty() && e.value(QStringLiteral("application")).toString() != m_app)
        return false;
    if (m_class && e.value(QStringLiteral("status")).toInt() / 100 != m_class)
        return false;
    return true;
}

// ---------------------------------------------------------------- charts

TrafficCharts::TrafficCharts(QWidget *parent)
    : QWidget(parent)
{
    setMinimumHeight(56);
}

void TrafficCharts::setSamples(const QList<MetricsSample> &samples)
{
    m_rate.clear();
    m_latency.clear();
    m_errors.clear();
    for (int i = 1; i < samples.size(); ++i) {
        const MetricsSample &a = samples[i - 1];
        const MetricsSample &b = samples[i];
        const double dt = std::max<double>(1, static_cast<double>(b.atMs - a.atMs)) / 1000.0;
        const double dn = b.requests - a.requests;
        m_rate.append(std::max(0.0, dn / dt));
        const double dc = b.latencyCount - a.latencyCount;
        m_latency.append(dc > 0 ? (b.latencySum - a.latencySum) / dc * 1000.0 : 0);
        m_errors.append(std::max(
            0.0, (b.clientErrors + b.serverErrors - a.clientErrors - a.serverErrors) / dt));
    }
    update();
}

void TrafficCharts::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const struct
    {
        const QList<double> *values;
        QString title;
        QString unit;
        QColor color;
    } charts[]
        = {{&m_rate, Tr::tr("Requests"), Tr::tr("%1/s"), QColor(0x1c, 0x71, 0xd8)},
           {&m_latency, Tr::tr("Mean latency"), Tr::tr("%1 ms"), QColor(0x26, 0xa2, 0x69)},
           {&m_errors, Tr::tr("Errors (4xx+5xx)"), Tr::tr("%1/s"), QColor(0xc0, 0x1c, 0x28)}};
    const int n = 3;
    const int gap = 8;
    const int w = (width() - gap * (n - 1)) / n;
    const QFontMetrics fm = fontMetrics();
    for (int c = 0; c < n; ++c) {
        const QRect box(c * (w + gap), 0, w, height() - 1);
        p.setPen(palette().color(QPalette::Mid));
        p.setBrush(palette().color(QPalette::Base));
        p.drawRoundedRect(box, 4, 4);
        const QList<double> &v = *charts[c].values;
        const double last = v.isEmpty() ? 0 : v.last();
        p.setPen(palette().color(QPalette::Text));
        p.drawText(box.adjusted(6, 4, -6, 0), Qt::AlignLeft | Qt::AlignTop, charts[c].title);
        p.drawText(box.adjusted(6, 4, -6, 0), Qt::AlignRight | Qt::AlignTop,
                   charts[c].unit.arg(last, 0, 'f', last < 10 ? 1 : 0));
        const QRectF plot = QRectF(box).adjusted(6, fm.height() + 8, -6, -6);
        if (v.size() < 2)
            continue;
        double max = 0;
        for (double x : v)
            max = std::max(max, x);
        if (max <= 0)
            max = 1;
        QPainterPath path;
        const int count = static_cast<int>(v.size());
        for (int i = 0; i < count; ++i) {
            const QPointF pt(plot.left() + plot.width() * i / (count - 1),
                             plot.bottom() - plot.height() * v[i] / max);
            i ? path.lineTo(pt) : path.moveTo(pt);
        }
        p.setPen(QPen(charts[c].color, 1.6));
        p.setBrush(Qt::NoBrush);
        p.drawPath(path);
    }
}

// ---------------------------------------------------------------- panel

GatewayPanel::GatewayPanel(GatewaySupervisor *gateway, WorkspaceModel *model, KeyManager *keys,
                           QWidget *parent)
    : QWidget(parent)
    , m_gateway(gateway)
    , m_model(model)
    , m_keys(keys)
    , m_log(new AccessLogModel(this))
    , m_filter(new AccessLogFilter(this))
    , m_charts(new TrafficCharts(this))
    , m_net(new QNetworkAccessManager(this))
{
    m_filter->setSourceModel(m_log);
    // Scrolled, so the dock can be made small without clipping anything.
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *content = new QWidget(scroll);
    m_content = content;
    scroll->setWidget(content);
    auto *top = new QVBoxLayout(this);
    top->setContentsMargins(0, 0, 0, 0);
    top->addWidget(scroll);
    auto *outer = new QVBoxLayout(content);
    outer->setContentsMargins(4, 4, 4, 4);
    // What the tallest tab needs (the try-request form), the banner when it shows, and room for
    // the charts: below that the panel scrolls instead of squeezing rows over each other.
    outer->setSizeConstraint(QLayout::SetMinimumSize);

    auto *bar = new QHBoxLayout;
    m_start = new QPushButton(Tr::tr("Start"), this);
    m_stop = new QPushButton(Tr::tr("Stop"), this);
    m_restart = new QPushButton(Tr::tr("Restart"), this);
    m_portal = new QPushButton(Tr::tr("Open portal"), this);
    m_start->setObjectName(QStringLiteral("gatewayStart"));
    m_stop->setObjectName(QStringLiteral("gatewayStop"));
    m_stateLabel = new QLabel(this);
    m_stateLabel->setObjectName(QStringLiteral("gatewayState"));
    m_stateLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    bar->addWidget(m_start);
    bar->addWidget(m_stop);
    bar->addWidget(m_restart);
    bar->addWidget(m_portal);
    bar->addWidget(m_stateLabel, 1);
    outer->addLayout(bar);

    m_banner = new QFrame(this);
    m_banner->setObjectName(QStringLiteral("gatewayBanner"));
    static_cast<QFrame *>(m_banner)->setFrameShape(QFrame::StyledPanel);
    auto *bl = new QHBoxLayout(m_banner);
    bl->setContentsMargins(6, 4, 6, 4);
    m_bannerText = new QLabel(m_banner);
    m_bannerText->setObjectName(QStringLiteral("gatewayBannerText"));
    m_bannerText->setWordWrap(true);
    m_bannerText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_bannerReload = new QPushButton(Tr::tr("Reload"), m_banner);
    m_bannerReload->setObjectName(QStringLiteral("gatewayBannerReload"));
    auto *dismiss = new QToolButton(m_banner);
    dismiss->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    dismiss->setAutoRaise(true);
    dismiss->setToolTip(Tr::tr("Dismiss"));
    bl->addWidget(m_bannerText, 1);
    bl->addWidget(m_bannerReload);
    bl->addWidget(dismiss);
    m_banner->hide();
    outer->addWidget(m_banner);
    connect(m_bannerReload, &QPushButton::clicked, m_gateway, &GatewaySupervisor::reload);
    connect(dismiss, &QToolButton::clicked, m_banner, &QWidget::hide);
    connect(m_gateway, &GatewaySupervisor::leftoverFound, this,
            [this](qint64, bool, const QString &text) { showBanner(text, false, false); });

    m_tabs = new QTabWidget(this);
    outer->addWidget(m_tabs, 1);

    // Traffic: charts, filters, access log.
    auto *traffic = new QWidget(m_tabs);
    // Room for the charts and a few log rows. (A minimum on the tab widget itself would hide
    // what its tallest page, the try-request form, needs.)
    traffic->setMinimumHeight(220);
    auto *tl = new QVBoxLayout(traffic);
    tl->setContentsMargins(0, 4, 0, 0);
    tl->addWidget(m_charts);
    auto *filters = new QHBoxLayout;
    m_apiFilter = new QComboBox(traffic);
    m_appFilter = new QComboBox(traffic);
    m_statusFilter = new QComboBox(traffic);
    m_statusFilter->addItem(Tr::tr("All statuses"), 0);
    for (int c = 2; c <= 5; ++c)
        m_statusFilter->addItem(QStringLiteral("%1xx").arg(c), c);
    filters->addWidget(new QLabel(Tr::tr("API:"), traffic));
    filters->addWidget(m_apiFilter, 1);
    filters->addWidget(new QLabel(Tr::tr("Application:"), traffic));
    filters->addWidget(m_appFilter, 1);
    filters->addWidget(new QLabel(Tr::tr("Status:"), traffic));
    filters->addWidget(m_statusFilter);
    auto *clear = new QPushButton(Tr::tr("Clear"), traffic);
    filters->addWidget(clear);
    tl->addLayout(filters);
    auto *table = new QTableView(traffic);
    m_logView = table;
    table->setObjectName(QStringLiteral("accessLog"));
    table->setMinimumHeight(48);
    table->setModel(m_filter);
    table->verticalHeader()->hide();
    table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 4);
    table->horizontalHeader()->setStretchLastSection(true);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setColumnWidth(AccessLogModel::Time, 95);
    table->setColumnWidth(AccessLogModel::Method, 60);
    table->setColumnWidth(AccessLogModel::Path, 180);
    table->setColumnWidth(AccessLogModel::Status, 55);
    table->setColumnWidth(AccessLogModel::Duration, 55);
    tl->addWidget(table, 1);
    m_tabs->addTab(traffic, Tr::tr("&Traffic"));

    // Status: listeners, ignored resources, the child's own log lines.
    auto *status = new QSplitter(Qt::Horizontal, m_tabs);
    status->setObjectName(QStringLiteral("gatewayStatusSplitter"));
    m_statusSplit = status;
    auto *left = new QWidget(status);
    auto *ll = new QVBoxLayout(left);
    ll->setContentsMargins(0, 4, 0, 0);
    ll->addWidget(new QLabel(Tr::tr("Listeners"), left));
    m_listeners = new QListWidget(left);
    ll->addWidget(m_listeners);
    ll->addWidget(new QLabel(Tr::tr("Gateway log"), left));
    m_gatewayLog = new QPlainTextEdit(left);
    m_gatewayLog->setReadOnly(true);
    m_gatewayLog->setMaximumBlockCount(2000);
    ll->addWidget(m_gatewayLog);
    m_ignored = new QTableWidget(0, 3, status);
    m_ignored->setObjectName(QStringLiteral("ignoredResources"));
    m_ignored->setHorizontalHeaderLabels(
        {Tr::tr("Ignored resource"), Tr::tr("Kind"), Tr::tr("Reason")});
    m_ignored->horizontalHeader()->setStretchLastSection(true);
    m_ignored->verticalHeader()->hide();
    m_ignored->setEditTriggers(QAbstractItemView::NoEditTriggers);
    status->addWidget(left);
    status->addWidget(m_ignored);
    m_tabs->addTab(status, Tr::tr("&Status"));

    // Try a request: method, path, headers, body, a key from the keychain or pasted once.
    auto *tryIt = new QWidget(m_tabs);
    auto *form = new QFormLayout(tryIt);
    m_tryEntry = new QComboBox(tryIt);
    m_tryMethod = new QComboBox(tryIt);
    m_tryMethod->setObjectName(QStringLiteral("tryMethod"));
    m_tryMethod->addItems({QStringLiteral("GET"), QStringLiteral("POST"), QStringLiteral("PUT"),
                           QStringLiteral("PATCH"), QStringLiteral("DELETE"),
                           QStringLiteral("HEAD"), QStringLiteral("OPTIONS")});
    m_tryPath = new QLineEdit(QStringLiteral("/"), tryIt);
    m_tryPath->setObjectName(QStringLiteral("tryPath"));
    m_tryHost = new QLineEdit(tryIt);
    m_tryHost->setPlaceholderText(Tr::tr("Host header, e.g. api.example.com"));
    m_tryApp = new QComboBox(tryIt);
    m_tryApp->setObjectName(QStringLiteral("tryKeyOf"));
    m_tryKey = new QLineEdit(tryIt);
    m_tryKey->setObjectName(QStringLiteral("tryPastedKey"));
    m_tryKey->setEchoMode(QLineEdit::Password);
    m_tryKey->setPlaceholderText(Tr::tr("paste the key: sent once, never stored"));
    m_tryKey->hide();
    m_tryHeaders = new QPlainTextEdit(tryIt);
    m_tryHeaders->setObjectName(QStringLiteral("tryHeaders"));
    m_tryHeaders->setPlaceholderText(Tr::tr("One header a line, e.g. Accept: application/json"));
    m_tryHeaders->setTabChangesFocus(true);
    m_tryHeaders->setFixedHeight(fontMetrics().lineSpacing() * 3 + 10);
    m_tryBody = new QPlainTextEdit(tryIt);
    m_tryBody->setObjectName(QStringLiteral("tryBody"));
    m_tryBody->setPlaceholderText(Tr::tr("Request body (POST, PUT, PATCH)"));
    m_tryBody->setTabChangesFocus(true);
    m_tryBody->setFixedHeight(fontMetrics().lineSpacing() * 3 + 10);
    auto *send = new QPushButton(Tr::tr("Send"), tryIt);
    send->setObjectName(QStringLiteral("trySend"));
    m_response = new QPlainTextEdit(tryIt);
    m_response->setReadOnly(true);
    m_response->setObjectName(QStringLiteral("tryResponse"));
    m_response->setMinimumHeight(fontMetrics().lineSpacing() * 5);
    auto *line = new QHBoxLayout;
    line->addWidget(m_tryMethod);
    line->addWidget(m_tryPath, 1);
    line->addWidget(send);
    auto *keyLine = new QHBoxLayout;
    keyLine->addWidget(m_tryApp, 1);
    keyLine->addWidget(m_tryKey, 1);
    form->addRow(Tr::tr("Entry point:"), m_tryEntry);
    form->addRow(Tr::tr("Host:"), m_tryHost);
    form->addRow(Tr::tr("Request:"), line);
    form->addRow(Tr::tr("Headers:"), m_tryHeaders);
    form->addRow(Tr::tr("Body:"), m_tryBody);
    form->addRow(Tr::tr("Key:"), keyLine);
    form->addRow(m_response);
    connect(m_tryApp, &QComboBox::currentIndexChanged, this,
            [this] { m_tryKey->setVisible(m_tryApp->currentData().toString() == kPastedKey); });
    connect(m_tryKey, &QLineEdit::returnPressed, this, &GatewayPanel::sendTryRequest);
    connect(m_gateway, &GatewaySupervisor::accessEvent, this, &GatewayPanel::matchTryEvent);
    m_tabs->addTab(tryIt, Tr::tr("Try re&quest"));

    connect(m_start, &QPushButton::clicked, m_gateway, &GatewaySupervisor::start);
    connect(m_stop, &QPushButton::clicked, m_gateway, &GatewaySupervisor::stop);
    connect(m_restart, &QPushButton::clicked, m_gateway, &GatewaySupervisor::restart);
    connect(m_portal, &QPushButton::clicked, this, &GatewayPanel::openPortal);
    connect(m_tabs, &QTabWidget::currentChanged, this, &GatewayPanel::layoutChanged);
    connect(m_statusSplit, &QSplitter::splitterMoved, this, &GatewayPanel::layoutChanged);
    connect(send, &QPushButton::clicked, this, &GatewayPanel::sendTryRequest);
    connect(m_tryPath, &QLineEdit::returnPressed, this, &GatewayPanel::sendTryRequest);
    connect(clear, &QPushButton::clicked, m_log, &AccessLogModel::clear);
    connect(m_apiFilter, &QComboBox::currentIndexChanged, this,
            [this] { m_filter->setApi(m_apiFilter->currentData().toString()); });
    connect(m_appFilter, &QComboBox::currentIndexChanged, this,
            [this] { m_filter->setApplication(m_appFilter->currentData().toString()); });
    connect(m_statusFilter, &QComboBox::currentIndexChanged, this,
            [this] { m_filter->setStatusClass(m_statusFilter->currentData().toInt()); });

    connect(m_gateway, &GatewaySupervisor::stateChanged, this, &GatewayPanel::updateState);
    connect(m_gateway, &GatewaySupervisor::ready, this, &GatewayPanel::updateState);
    connect(m_gateway, &GatewaySupervisor::statusUpdated, this, &GatewayPanel::showStatus);
    connect(m_gateway, &GatewaySupervisor::accessEvent, m_log, &AccessLogModel::add);
    connect(m_gateway, &GatewaySupervisor::metricsUpdated, this,
            [this] { m_charts->setSamples(m_gateway->samples()); });
    connect(m_gateway, &GatewaySupervisor::logLine, m_gatewayLog, &QPlainTextEdit::appendPlainText);
    connect(m_gateway, &GatewaySupervisor::notice, m_gatewayLog, &QPlainTextEdit::appendPlainText);
    connect(m_model, &WorkspaceModel::changed, this, [this] {
        refreshFilters();
        refreshApplications();
    });
    refreshFilters();
    refreshApplications();
    updateState();
}

int GatewayPanel::visibleLogRows() const
{
    const int row = std::max(1, m_logView->verticalHeader()->defaultSectionSize());
    return m_logView->isVisible() ? m_logView->viewport()->height() / row : 0;
}

int GatewayPanel::heightForLogRows(int rows) const
{
    // The panel scrolls: its content asks for at least its minimum, the log the rest.
    const int row = m_logView->verticalHeader()->defaultSectionSize();
    return m_content->height() - m_logView->viewport()->height() + rows * row + 4;
}

QString GatewayPanel::portalUrl() const
{
    const QJsonObject portals = m_gateway->readyInfo().value(QStringLiteral("portals")).toObject();
    if (portals.isEmpty())
        return {};
    return QStringLiteral("http://") + portals.begin().value().toString() + u'/';
}

void GatewayPanel::updateState()
{
    using S = GatewaySupervisor::State;
    const S s = m_gateway->state();
    m_start->setEnabled(s == S::Stopped || s == S::Failed);
    m_stop->setEnabled(s == S::Running || s == S::Starting);
    m_restart->setEnabled(s == S::Running);
    m_portal->setEnabled(s == S::Running && !portalUrl().isEmpty());
    QString text;
    switch (s) {
    case S::Stopped:
        text = Tr::tr("Stopped");
        break;
    case S::Starting:
        text = Tr::tr("Starting…");
        break;
    case S::Stopping:
        text = Tr::tr("Stopping…");
        break;
    case S::Failed:
        text = Tr::tr("Failed — see the gateway log");
        break;
    case S::Running: {
        QStringList eps;
        const QJsonObject e
            = m_gateway->readyInfo().value(QStringLiteral("entryPoints")).toObject();
        for (auto it = e.begin(); it != e.end(); ++it)
            eps << it.key() + QStringLiteral(" http://") + it.value().toString();
        const bool lastGood = m_gateway->lastStatus().value(QStringLiteral("source")).toString()
                == QLatin1StringView("last-good")
            || !m_gateway->lastStatus().value(QStringLiteral("lastErrors")).toArray().isEmpty();
        text = (lastGood ? Tr::tr("Running the last good configuration · generation %1 · %2")
                         : Tr::tr("Running · generation %1 · %2"))
                   .arg(m_gateway->lastStatus().value(QStringLiteral("generation")).toInt())
                   .arg(eps.join(QStringLiteral(", ")));
        break;
    }
    }
    m_stateLabel->setText(text);
    if (s != S::Running && m_bannerIsLastGood)
        m_banner->hide();
    m_tryEntry->clear();
    const QJsonObject e = m_gateway->readyInfo().value(QStringLiteral("entryPoints")).toObject();
    for (auto it = e.begin(); it != e.end(); ++it)
        m_tryEntry->addItem(it.key() + QStringLiteral(" (") + it.value().toString() + u')',
                            it.value().toString());
}

void GatewayPanel::openPortal()
{
    const QString url = portalUrl();
    if (url.isEmpty()) {
        showBanner(Tr::tr("No portal preview is running: start the gateway, and give a portal a "
                          "portalPreview address in airgate.yaml."),
                   false, false);
        return;
    }
    if (!QDesktopServices::openUrl(QUrl(url)))
        showBanner(Tr::tr("No browser could be started. Open %1 in a browser.").arg(url), false,
                   false);
}

void GatewayPanel::saveLayout(QSettings &settings) const
{
    settings.setValue(QStringLiteral("gateway/tab"), m_tabs->currentIndex());
    settings.setValue(QStringLiteral("gateway/statusSplitter"), m_statusSplit->saveState());
}

void GatewayPanel::restoreLayout(const QSettings &settings)
{
    m_tabs->setCurrentIndex(settings.value(QStringLiteral("gateway/tab"), 0).toInt());
    m_statusSplit->restoreState(
        settings.value(QStringLiteral("gateway/statusSplitter")).toByteArray());
}

QString GatewayPanel::bannerText() const
{
    return m_banner->isHidden() ? QString() : m_bannerText->text();
}

void GatewayPanel::showBanner(const QString &text, bool error, bool reload)
{
    m_bannerIsLastGood = error;
    m_bannerText->setText(text);
    m_bannerReload->setVisible(reload);
    m_banner->setStyleSheet(error ? QStringLiteral("#gatewayBanner { background: #fbe3e4; } "
                                                   "#gatewayBanner QLabel { color: #7a1016; }")
                                  : QStringLiteral("#gatewayBanner { background: #e3effb; } "
                                                   "#gatewayBanner QLabel { color: #12385e; }"));
    m_banner->show();
}

void GatewayPanel::showStatus(const QJsonObject &status)
{
    updateState();
    // /api/status: "source" is "last-good" after a cold start from the saved configuration;
    // "lastErrors" holds why the workspace itself is not served (also after a failed reload).
    QStringList errors;
    for (const auto &e : status.value(QStringLiteral("lastErrors")).toArray())
        errors << e.toString();
    const bool lastGood
        = status.value(QStringLiteral("source")).toString() == QLatin1StringView("last-good")
        || !errors.isEmpty();
    if (lastGood)
        showBanner(Tr::tr("The gateway serves its last good configuration, not the workspace: "
                          "%1")
                       .arg(errors.isEmpty() ? Tr::tr("the workspace could not be served")
                                             : errors.join(QStringLiteral("; "))),
                   true, true);
    else if (m_bannerIsLastGood)
        m_banner->hide();
    m_listeners->clear();
    for (const auto &v : status.value(QStringLiteral("listeners")).toArray()) {
        const QJsonObject l = v.toObject();
        m_listeners->addItem(QStringLiteral("%1 — %2://%3")
                                 .arg(l.value(QStringLiteral("entryPoint")).toString(),
                                      l.value(QStringLiteral("tls")).toBool()
                                          ? QStringLiteral("https")
                                          : QStringLiteral("http"),
                                      l.value(QStringLiteral("address")).toString()));
    }
    const QJsonArray ignored = status.value(QStringLiteral("ignored")).toArray();
    m_ignored->setRowCount(static_cast<int>(ignored.size()));
    for (int i = 0; i < ignored.size(); ++i) {
        const QJsonObject o = ignored[i].toObject();
        m_ignored->setItem(i, 0,
                           new QTableWidgetItem(o.value(QStringLiteral("namespace")).toString()
                                                + u'/'
                                                + o.value(QStringLiteral("name")).toString()));
        m_ignored->setItem(i, 1, new QTableWidgetItem(o.value(QStringLiteral("kind")).toString()));
        m_ignored->setItem(i, 2,
                           new QTableWidgetItem(o.value(QStringLiteral("reason")).toString()));
    }
    m_tabs->setTabText(1,
                       ignored.isEmpty() ? Tr::tr("&Status")
                                         : Tr::tr("&Status (%n ignored)", nullptr,
                                                  static_cast<int>(ignored.size())));
}

void GatewayPanel::refreshFilters()
{
    const QString api = m_apiFilter->currentData().toString();
    const QString app = m_appFilter->currentData().toString();
    const QSignalBlocker b1(m_apiFilter);
    const QSignalBlocker b2(m_appFilter);
    m_apiFilter->clear();
    m_appFilter->clear();
    m_apiFilter->addItem(Tr::tr("All APIs"), QString());
    m_appFilter->addItem(Tr::tr("All applications"), QString());
    if (!m_model->isOpen())
        return;
    for (const Resource &r : m_model->workspace().resources()) {
        // The access log names APIs and applications "namespace/name".
        const QString id = r.ns + u'/' + r.name;
        if (r.kind == Kind::API)
            m_apiFilter->addItem(id, id);
        else if (r.kind == Kind::ManagedApplication)
            m_appFilter->addItem(id, id);
    }
    m_apiFilter->setCurrentIndex(std::max(0, m_apiFilter->findData(api)));
    m_appFilter->setCurrentIndex(std::max(0, m_appFilter->findData(app)));
}

void GatewayPanel::refreshApplications()
{
    const QString current = m_tryApp->currentData().toString();
    m_tryApp->clear();
    m_tryApp->addItem(Tr::tr("(no key)"), QString());
    m_tryApp->addItem(Tr::tr("Paste a key…"), kPastedKey);
    if (!m_model->isOpen())
        return;
    for (const Resource &r : m_model->workspace().resources()) {
        if (r.kind != Kind::ManagedApplication)
            continue;
        const QString appKey = WorkspaceModel::keyOf(r);
        for (const AppKey &k : m_keys->keys(appKey))
            m_tryApp->addItem(QStringLiteral("%1/%2 — %3")
                                  .arg(r.ns, r.name, k.title.isEmpty() ? k.secretName : k.title),
                              QString(appKey + u'#' + QString::number(k.index)));
    }
    m_tryApp->setCurrentIndex(std::max(0, m_tryApp->findData(current)));
}

void GatewayPanel::sendTryRequest()
{
    const QString choice = m_tryApp->currentData().toString();
    if (choice.isEmpty()) {
        sendWith({});
        return;
    }
    if (choice == kPastedKey) {
        // Used for this request only: the field is emptied as it goes.
        const QByteArray key = m_tryKey->text().trimmed().toUtf8();
        m_tryKey->clear();
        if (key.isEmpty()) {
            m_response->setPlainText(Tr::tr("Paste a key to send, or choose “(no key)”."));
            emit responseShown();
            return;
        }
        sendWith(key);
        return;
    }
    const int hash = static_cast<int>(choice.lastIndexOf(u'#'));
    m_keys->readPlaintext(choice.left(hash), choice.mid(hash + 1).toInt(),
                          [this](const QByteArray &key, const QString &error) {
                              if (key.isEmpty()) {
                                  m_response->setPlainText(
                                      Tr::tr("The key could not be read: %1 Choose “Paste "
                                             "a key…” to send a key once.")
                                          .arg(error));
                                  emit responseShown();
                                  return;
                              }
                              sendWith(key);
                          });
}

void GatewayPanel::sendWith(const QByteArray &key)
{
    const QString address = m_tryEntry->currentData().toString();
    if (address.isEmpty()) {
        m_response->setPlainText(Tr::tr("Start the gateway first."));
        emit responseShown();
        return;
    }
    QString path = m_tryPath->text().trimmed();
    if (!path.startsWith(u'/'))
        path.prepend(u'/');
    QNetworkRequest req(QUrl(QStringLiteral("http://") + address + path));
    if (!m_tryHost->text().trimmed().isEmpty())
        req.setRawHeader("Host", m_tryHost->text().trimmed().toUtf8());
    for (const QString &h : m_tryHeaders->toPlainText().split(u'\n', Qt::SkipEmptyParts)) {
        const qsizetype colon = h.indexOf(u':');
        if (colon <= 0) {
            m_response->setPlainText(
                Tr::tr("“%1” is not a header: write Name: value, one a line.").arg(h.trimmed()));
            emit responseShown();
            return;
        }
        req.setRawHeader(h.left(colon).trimmed().toLatin1(), h.mid(colon + 1).trimmed().toUtf8());
    }
    if (!key.isEmpty())
        req.setRawHeader("Authorization", "Bearer " + key);
    req.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                     QNetworkRequest::ManualRedirectPolicy);
    const QByteArray body = m_tryBody->toPlainText().toUtf8();
    if (!body.isEmpty() && !req.hasRawHeader("Content-Type"))
        req.setHeader(QNetworkRequest::ContentTypeHeader,
                      body.trimmed().startsWith('{') || body.trimmed().startsWith('[')
                          ? QByteArray("application/json")
                          : QByteArray("text/plain; charset=utf-8"));
    m_try = {};
    m_try.method = m_tryMethod->currentText();
    m_try.path = QUrl(path).path();
    m_try.sentAtMs = QDateTime::currentMSecsSinceEpoch();
    QNetworkReply *reply = m_net->sendCustomRequest(req, m_try.method.toLatin1(), body);
    connect(reply, &QNetworkReply::finished, this, [this, reply] {
        reply->deleteLater();
        const int code = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        m_try.answered = true;
        if (code == 0) {
            m_try.head = Tr::tr("No response: %1").arg(reply->errorString());
        } else {
            QString head
                = QStringLiteral("HTTP %1 %2\n")
                      .arg(code)
                      .arg(reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString());
            for (const auto &h : reply->rawHeaderPairs())
                head += QString::fromLatin1(h.first) + QStringLiteral(": ")
                    + QString::fromLatin1(h.second) + u'\n';
            m_try.head = head;
            m_try.body = reply->readAll().left(64 * 1024);
        }
        // The key is never shown: it was only in the request header.
        showTryResponse();
        emit responseShown();
    });
}

void GatewayPanel::matchTryEvent(const QJsonObject &entry)
{
    // The access log entry of the request just sent: same method and path, logged after it.
    if (m_try.sentAtMs == 0 || !m_try.logEntry.isEmpty()
        || entry.value(QStringLiteral("method")).toString() != m_try.method
        || QUrl(entry.value(QStringLiteral("path")).toString()).path() != m_try.path)
        return;
    m_try.logEntry = entry;
    if (m_try.answered)
        showTryResponse();
}

void GatewayPanel::showTryResponse()
{
    QString text = m_try.head;
    if (!m_try.logEntry.isEmpty()) {
        // Why the gateway answered so, as its access log says (a 401/403/429 body may be empty).
        const QJsonObject &e = m_try.logEntry;
        QStringList facts;
        for (const auto &[field, label] :
             {std::pair {QStringLiteral("api"), Tr::tr("API")},
              std::pair {QStringLiteral("application"), Tr::tr("application")},
              std::pair {QStringLiteral("plan"), Tr::tr("plan")},
              std::pair {QStringLiteral("route"), Tr::tr("route")}})
            if (!e.value(field).toString().isEmpty())
                facts << label + u' ' + e.value(field).toString();
        const QString reason = e.value(QStringLiteral("reason")).toString();
        text += Tr::tr("Gateway: %1").arg(reason.isEmpty() ? Tr::tr("no reason logged") : reason)
            + (facts.isEmpty() ? QString()
                               : QStringLiteral(" (") + facts.join(QStringLiteral(", ")) + u')')
            + u'\n';
    }
    if (!m_try.head.startsWith(QLatin1StringView("HTTP"))) {
        m_response->setPlainText(text);
        return;
    }
    text += u'\n' + (m_try.body.isEmpty() ? Tr::tr("(empty body)") : QString::fromUtf8(m_try.body));
    m_response->setPlainText(text);
}

} // namespace Airgate::Console
