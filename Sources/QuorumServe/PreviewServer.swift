import FlyingFox
import QuorumCore
