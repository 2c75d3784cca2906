#include "logging.h"

Q_LOGGING_CATEGORY(lcCrypto, "callvault.crypto")
Q_LOGGING_CATEGORY(lcCodec, "callvault.codec")
Q_LOGGING_CATEGORY(lcStore, "callvault.store")
Q_LOGGING_CATEGORY(lcCatalog, "callvault.catalog")
Q_LOGGING_CATEGORY(lcSite, "callvault.site")
Q_LOGGING_CATEGORY(lcPlayback, "callvault.playback")
Q_LOGGING_CATEGORY(lcNet, "callvault.net")
Q_LOGGING_CATEGORY(lcSip, "callvault.sip")
Q_LOGGING_CATEGORY(lcRtp, "callvault.rtp")
Q_LOGGING_CATEGORY(lcAudio, "callvault.audio")
