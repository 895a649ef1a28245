/** Names under which the module loader registers its resources in the module container. */
export const RECO_DATA_SOURCE = "recoDataSource"
export const RECO_SIGNAL_PRODUCER = "recoSignalProducer"
export const RECO_OPTIONS = "recoOptions"
