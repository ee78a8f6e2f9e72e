import GlossaCore
