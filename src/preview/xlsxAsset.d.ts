/** Sample workbooks are bundled as files beside the page (webpack `asset/resource`): importing one gives its URL. */
declare module '*.xlsx' {
  const url: string;
  export default url;
}
