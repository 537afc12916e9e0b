enum DefaultTheme { static let files: [(path: String, text: String)] = [] }
