/**
 * Reduces one or more LDS / Apex / JavaScript errors to a list of readable messages
 * (the lwc-recipes `ldsUtils.reduceErrors` shape, trimmed to what this component meets).
 * @param {unknown} errors a single error or an array of them
 * @returns {string[]}
 */
export function reduceErrors(errors) {
    const list = Array.isArray(errors) ? errors : [errors];
    return (
        list
            .filter((error) => !!error)
            .map((error) => {
                const body = error.body;
                // UI API read errors: body is an array of { message }
                if (Array.isArray(body)) return body.map((e) => e.message);
                if (body && typeof body === 'object') {
                    // UI API DML / page-level errors
                    const pageErrors = body.output?.errors ?? body.pageErrors;
                    if (Array.isArray(pageErrors) && pageErrors.length > 0) {
                        return pageErrors.map((e) => e.message);
                    }
                    // Apex (AuraHandledException, query exceptions) and network errors
                    if (typeof body.message === 'string') return body.message;
                }
                // JS errors
                if (typeof error.message === 'string') return error.message;
                // Unknown shape: prefer the HTTP status text to an object dump
                return error.statusText;
            })
            // flatten and drop empties
            .flat()
            .filter((message) => !!message)
    );
}
