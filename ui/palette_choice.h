#pragma once

class QApplication;
class QPalette;

namespace magellan {

// A dark palette for the Fusion style, readable at WCAG AA throughout.
QPalette darkPalette();

// MAGELLAN_KV_PALETTE=dark or =light: the Fusion style with that palette (for screenshots and for
// trying both themes); unset: the platform's style and palette, untouched.
void applyRequestedPalette(QApplication &app);

} // namespace magellan
