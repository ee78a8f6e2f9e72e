public enum GlossaFormatsPlaceholder {}
